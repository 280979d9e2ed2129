import { useEffect } from 'react';
import { usePilier } from '../store';

/** Sets up the review the open project holds (again after a restore), loaded from the host. */
export function useReviewLoader(quiet: boolean): void {
  const path = usePilier((s) => s.project?.path);
  const generation = usePilier((s) => s.generation);
  const loadReview = usePilier((s) => s.loadReview);
  useEffect(() => {
    if (path) void loadReview(quiet);
  }, [path, generation, loadReview, quiet]);
}
