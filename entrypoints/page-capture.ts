import { capturePage } from '@/lib/annotate/page-capture';

/**
 * Injected on demand (scripting.executeScript, under activeTab or a granted origin) into the tab being
 * marked as a page mention; its value is what executeScript returns to the popup or the background.
 */
export default defineUnlistedScript(() => capturePage(document, location.href));
