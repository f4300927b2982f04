import type { PageResult } from "../../auth/sign-in-pages";

/** Outcome of a console page handler: a redirect, a view with its status, or the 404 page. */
export type ConsolePageResult<View> = PageResult<View> | { notFound: true };
