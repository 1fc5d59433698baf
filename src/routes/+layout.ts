// Client-side only: the register never leaves the browser, so there is nothing to render on a server.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'always';
