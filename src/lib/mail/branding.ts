import type { Practice } from "../../../db/schema";
import { logoPath } from "../console/settings/logo-url";
import { practiceOrigin, type TenancyConfig } from "../tenancy/practice";
import type { MailBranding } from "./templates/layout";

/**
 * Returns the branding of a practice's emails. The logo URL is absolute and built from the
 * practice's canonical origin, because mail clients load images from the open internet.
 */
export function mailBranding(practice: Practice, tenancy: TenancyConfig): MailBranding {
  const logo = logoPath(practice);
  return {
    practiceName: practice.name,
    brandColor: practice.brandColor,
    logoUrl: logo ? `${practiceOrigin(practice, tenancy)}${logo}` : null,
  };
}
