/** The few icons the app needs, inline (no icon font to load). Decorative: hidden from screen readers. */
import type { SVGProps } from 'react';

function Svg(props: SVGProps<SVGSVGElement> & { size?: number }) {
  const { size = 16, children, ...rest } = props;
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

export const ChevronRight = (p: { size?: number }) => (
  <Svg {...p}>
    <path d="M9 6l6 6-6 6" />
  </Svg>
);
export const ChevronDown = (p: { size?: number }) => (
  <Svg {...p}>
    <path d="M6 9l6 6 6-6" />
  </Svg>
);
export const PlusIcon = (p: { size?: number }) => (
  <Svg {...p}>
    <path d="M12 5v14M5 12h14" />
  </Svg>
);
export const SearchIcon = (p: { size?: number }) => (
  <Svg {...p}>
    <circle cx="11" cy="11" r="7" />
    <path d="M21 21l-4.3-4.3" />
  </Svg>
);
export const CopyIcon = (p: { size?: number }) => (
  <Svg {...p}>
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15V5a2 2 0 0 1 2-2h10" />
  </Svg>
);
export const CheckIcon = (p: { size?: number }) => (
  <Svg {...p}>
    <path d="M5 12l5 5L20 7" />
  </Svg>
);

export function SortIcon({ state }: { state: 'ascending' | 'descending' | 'none' }) {
  return (
    <Svg size={14} style={{ opacity: state === 'none' ? 0.35 : 1 }}>
      {state !== 'descending' && <path d="M8 10l4-4 4 4" />}
      {state !== 'ascending' && <path d="M8 14l4 4 4-4" />}
    </Svg>
  );
}
