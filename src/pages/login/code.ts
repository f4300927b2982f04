import type { APIRoute } from "astro";

import { redeemCodeForm } from "../../lib/auth/sign-in-pages";

/** Redeems the code typed on the "check your email" page, in the browser that requested it. */
export const POST: APIRoute = async (context) => context.redirect(await redeemCodeForm(context, "client"), 303);
