import type { LocalizedText } from '../schema/common';
import type { ClockStatus, TargetStanding } from '../session/sessionClock';

export const CLOCK_STATUS_LABELS = {
  notStarted: { zh: '未开始', en: 'Not started' },
  running: { zh: '计时中', en: 'Running' },
  paused: { zh: '已暂停', en: 'Paused' },
  ended: { zh: '已结束', en: 'Ended' },
} as const satisfies Record<ClockStatus, LocalizedText>;

/** A session's length against the guide's 30–45 minutes. */
export const TARGET_STANDING_LABELS = {
  short: { zh: '不足', en: 'short' },
  onTarget: { zh: '达标', en: 'on target' },
  long: { zh: '超时', en: 'long' },
} as const satisfies Record<TargetStanding, LocalizedText>;
