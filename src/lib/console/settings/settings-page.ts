import { env } from "cloudflare:workers";
import type { APIContext } from "astro";

import type { PageResult } from "../../auth/sign-in-pages";
import { getDb } from "../../db/client";
import { clientIpAddress, readForm } from "../../web/request";
import type { StaffContext } from "../staff-context";
import { type LogoError, removeLogo, replaceLogo } from "./logo";
import { MAX_LOGO_BYTES } from "./logo-type";
import { updatePracticeSettings } from "./settings";
import {
  readSettingsForm,
  type SettingsField,
  type SettingsFieldError,
  type SettingsFormValues,
  settingsFormValues,
  validateSettings,
} from "./settings-form";

type PageContext = Pick<APIContext, "request" | "url" | "locals">;

export const SETTINGS_PATH = "/practice/settings";

const NOTICES = ["saved", "unchanged", "logo_saved", "logo_removed"] as const;
export type SettingsNotice = (typeof NOTICES)[number];

/** Room for the multipart boundaries and the other fields around a logo of the maximum size, in bytes. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const LOGO_ERROR_STATUS: Record<LogoError, number> = {
  missing: 400,
  too_large: 413,
  unsupported_type: 415,
  conflict: 409,
};

export interface SettingsView {
  values: SettingsFormValues;
  errors: Partial<Record<SettingsField, SettingsFieldError>>;
  logoError: LogoError | null;
  notice: SettingsNotice | null;
}

function readNotice(url: URL): SettingsNotice | null {
  const notice = url.searchParams.get("notice");
  return NOTICES.find((known) => known === notice) ?? null;
}

function storedView(context: PageContext): SettingsView {
  return { values: settingsFormValues(context.locals.practice), errors: {}, logoError: null, notice: null };
}

/** Shows the settings form (GET) or validates and stores it (POST). */
export async function settingsPage(context: PageContext, staff: StaffContext): Promise<PageResult<SettingsView>> {
  const view = storedView(context);
  if (context.request.method !== "POST") return { view: { ...view, notice: readNotice(context.url) }, status: 200 };

  const form = await readForm(context.request);
  if (!form) return { view, status: 400 };

  const values = readSettingsForm(form);
  const result = validateSettings(values);
  if (!result.ok) return { view: { ...view, values, errors: result.errors }, status: 400 };

  const changed = await updatePracticeSettings(getDb(), {
    practice: context.locals.practice,
    staffId: staff.member.id,
    settings: result.settings,
    ipAddress: clientIpAddress(context.request),
    now: context.locals.now,
  });
  return { redirect: `${SETTINGS_PATH}?notice=${changed.length > 0 ? "saved" : "unchanged"}` };
}

/**
 * Uploads a new logo or, with `intent=remove`, removes it (POST only). A body that declares more
 * than a maximum-size logo needs is rejected before it is read.
 */
export async function logoPage(context: PageContext, staff: StaffContext): Promise<PageResult<SettingsView>> {
  if (context.request.method !== "POST") return { redirect: SETTINGS_PATH };

  const view = storedView(context);
  const declaredBytes = Number(context.request.headers.get("content-length") ?? "0");
  if (declaredBytes > MAX_LOGO_BYTES + MULTIPART_OVERHEAD_BYTES) {
    return { view: { ...view, logoError: "too_large" }, status: LOGO_ERROR_STATUS.too_large };
  }

  const form = await readForm(context.request);
  const remove = form?.get("intent") === "remove";
  const upload = form?.get("logo");
  const change = {
    practice: context.locals.practice,
    staffId: staff.member.id,
    ipAddress: clientIpAddress(context.request),
    now: context.locals.now,
  };

  const result = remove
    ? await removeLogo(getDb(), env.FILES, change)
    : await replaceLogo(getDb(), env.FILES, change, upload instanceof File ? upload : null);
  if (!result.ok) return { view: { ...view, logoError: result.error }, status: LOGO_ERROR_STATUS[result.error] };

  return { redirect: `${SETTINGS_PATH}?notice=${remove ? "logo_removed" : "logo_saved"}` };
}
