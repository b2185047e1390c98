/**
 * Utility classes copied from the host's own measurement panel (ui-next DataRow, 3.13). The host's
 * stylesheet defines exactly the classes the host uses, so these render identically to its panels
 * and follow its theme; anything the host lacks is in styles.ts.
 */
export const HOST = {
  // Laid out like PanelSection.Header, without its background: it names the person, not a section.
  accountBar: 'text-muted-foreground flex h-9 w-full items-center gap-1.5 pl-2.5 pr-1 text-[13px]',
  accountIcon: 'text-primary flex-shrink-0',
  accountText: 'min-w-0 flex-1 truncate',
  sectionHeader:
    'text-muted-foreground my-0.5 flex h-7 w-full items-center justify-between rounded py-2 pr-1 pl-2.5 text-[13px] bg-popover',
  rowList: 'space-y-px',
  row: 'flex flex-col',
  rowMain: (selected: boolean) => `flex items-center ${selected ? 'bg-popover' : 'bg-muted'} group relative cursor-pointer`,
  rowHover: 'bg-primary/20 pointer-events-none absolute inset-0 opacity-0 transition-opacity group-hover:opacity-100',
  rowNumber: (selected: boolean) =>
    `flex h-7 max-h-7 w-7 flex-shrink-0 items-center justify-center rounded-l border-r border-background text-base ${
      selected ? 'bg-highlight text-black' : 'bg-muted text-muted-foreground'
    } overflow-hidden`,
  rowTitleBox: 'ml-2 flex-1 overflow-hidden',
  rowTitle: (selected: boolean) =>
    `text-base ${selected ? 'text-highlight' : 'text-muted-foreground'} [overflow:hidden] [display:-webkit-box] [-webkit-line-clamp:2] [-webkit-box-orient:vertical]`,
  rowActions: 'relative ml-2 flex items-center space-x-1',
  iconButton: (visible: boolean) =>
    `inline-flex items-center justify-center whitespace-nowrap rounded text-base leading-tight focus-visible:outline-none focus-visible:ring-1 focus-visible:ring-ring disabled:pointer-events-none disabled:opacity-50 font-normal text-primary hover:bg-primary/25 h-6 w-6 transition-opacity ${
      visible ? 'opacity-100' : 'opacity-0 group-hover:opacity-100'
    }`,
  textButton:
    'inline-flex items-center justify-center whitespace-nowrap text-base leading-tight transition-colors focus-visible:outline-none focus-visible:ring-1 focus-visible:ring-ring disabled:pointer-events-none disabled:opacity-50 font-normal text-primary hover:bg-primary/25 h-6 rounded px-2',
  details: 'ml-7 px-2 py-2',
  detailsLine: 'text-secondary-foreground flex items-center gap-1 text-base leading-normal',
  detailsPrimary: 'font-medium',
  detailsSecondary: 'text-muted-foreground ml-auto text-sm',
} as const;
