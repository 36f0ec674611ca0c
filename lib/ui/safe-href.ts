/** Links in the dashboard only ever lead to web pages, whatever a hostile page managed to get stored. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}
