import type { PageResult } from "../../auth/sign-in-pages";

/** What a console page handler decides: redirect, render a view with a status, or render the 404 page. */
export type ConsolePageResult<View> = PageResult<View> | { notFound: true };
