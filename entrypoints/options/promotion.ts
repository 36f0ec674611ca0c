import { useEffect, useState } from 'preact/hooks';
import type { PromotionData } from '@/components/PromotionPanel';
import { monthOf, type Month } from '@/lib/schema';
import { call } from '@/lib/ui/extension-client';

/** The promotion month shown for the active project, read again at every refresh of the page (`revision`). */
export function usePromotionMonth(projectId: string | null, revision: number, /** Told what failed; the page says it in the interface language. */
  onError: (failure: unknown) => void) {
  const thisMonth = monthOf(Date.now());
  const [month, setMonth] = useState<Month>(thisMonth);
  const [data, setData] = useState<PromotionData | null>(null);
  useEffect(() => {
    if (!projectId) return;
    let stale = false;
    call('promotion.get', { projectId, month })
      .then((answer) => {
        if (!stale) setData(answer);
      })
      .catch((failure: unknown) => onError(failure));
    return () => {
      stale = true;
    };
  }, [projectId, month, revision]);
  // An answer for another project or month (still on its way when the choice changed) is never shown.
  const shown = data?.promotion.projectId === projectId && data.promotion.month === month ? data : null;
  return { thisMonth, month, setMonth, data: shown };
}
