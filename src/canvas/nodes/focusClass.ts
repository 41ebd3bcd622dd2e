import type { NodeFocus } from '../focus';

/** The class suffix each focus state adds to a node's element. */
export const FOCUS_CLASS: Record<NodeFocus, string> = {
  selected: ' is-selected',
  dimmed: ' dim',
  plain: '',
};
