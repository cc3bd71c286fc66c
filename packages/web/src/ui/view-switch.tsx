import { SegmentedControl } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';

/** The "View" switch of a page (`?view=…`); the first view is the default and leaves the param out. */
export function ViewSwitch({ views }: { views: { value: string; label: string }[] }) {
  const search: { view?: string } = useSearch({ strict: false });
  const navigate = useNavigate();
  const first = views[0]?.value;
  return (
    <SegmentedControl
      aria-label="View"
      value={search.view ?? first}
      onChange={(v) =>
        navigate({
          to: '.',
          search: ((prev: Record<string, unknown>) => ({
            ...prev,
            view: v === first ? undefined : v,
          })) as never,
        })
      }
      data={views}
    />
  );
}
