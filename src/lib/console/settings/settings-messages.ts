import type { Translate } from "../../i18n/translate";
import {
  MAX_PRACTICE_NAME_LENGTH,
  SETTINGS_BOUNDS,
  type SettingsField,
  type SettingsFieldError,
} from "./settings-form";

/** Returns the message shown beside a settings field for its error. */
export function settingsErrorMessage(t: Translate, field: SettingsField, error: SettingsFieldError): string {
  switch (field) {
    case "name":
      return error === "too_long"
        ? t("console.settings.error.name_too_long", { max: MAX_PRACTICE_NAME_LENGTH })
        : t("console.settings.error.name_required");
    case "brandColor":
      return t("console.settings.error.brand_color_invalid");
    case "contactEmail":
      return t("console.settings.error.email_invalid");
    case "contactPhone":
      return t("console.settings.error.phone_invalid");
    case "defaultLocale":
      return t("console.settings.error.locale_invalid");
    case "timeZone":
      return error === "required"
        ? t("console.settings.error.time_zone_required")
        : t("console.settings.error.time_zone_invalid");
    default:
      return t("console.settings.error.out_of_range", SETTINGS_BOUNDS[field]);
  }
}
