import { defineArea } from './defineArea';

/** The prior study opened beside the current one in 4.4, and how far its slices can be trusted to match. */
export const PRIOR_MESSAGES = defineArea(
  {
    'prior.heading': 'Prior study',
    'prior.study': '{date} · {description}',
    'prior.undated': 'Date not recorded',
    'prior.compare': 'Compare with prior',
    'prior.close': 'Close comparison',
    'prior.opening': 'Opening the prior beside the current study…',
    'prior.closing': 'Returning to the current study…',
    'prior.sameFrame': 'Current study left, prior right. Both share one frame of reference: scrolling either moves the other to the same patient position.',
    'prior.headEnd':
      'Current study left, prior right. Alignment is approximate: the two studies have no common frame of reference, so slices are matched by lining up the head ends of the two scanned ranges (prior shifted {shift} mm along the slice axis). Differences in breath-hold and positioning are not corrected: check the level against the anatomy.',
    'prior.rangeMiddle':
      'Current study left, prior right. Alignment is approximate: the two studies have no common frame of reference, so slices are matched by lining up the middles of the two scanned ranges (prior shifted {shift} mm along the slice axis). Differences in positioning are not corrected: check the level against the anatomy.',
    'prior.notParallel': 'Current study left, prior right, not synchronised: the slices of the two series are not parallel, so scroll each on its own.',
    'prior.noGeometry': 'Current study left, prior right, not synchronised: the images carry no slice positions, so scroll each on its own.',
    'prior.failed': 'The comparison did not work: {message}',
  },
  {
    'prior.heading': '既往检查',
    'prior.study': '{date} 检查 · {description}',
    'prior.undated': '日期未记录',
    'prior.compare': '与既往检查对比',
    'prior.close': '关闭对比',
    'prior.opening': '正在并排打开既往检查…',
    'prior.closing': '正在返回当前检查…',
    'prior.sameFrame': '左为当前检查，右为既往检查。两者同一参考坐标系：翻阅任一侧，另一侧随之同步到相同的患者位置。',
    'prior.headEnd':
      '左为当前检查，右为既往检查。对位为近似：两次检查无共同参考坐标系，按两次扫描范围的头侧端对齐层面（既往检查沿层面方向移位 {shift} mm），未校正屏气及体位差异，请以解剖结构核对层面。',
    'prior.rangeMiddle':
      '左为当前检查，右为既往检查。对位为近似：两次检查无共同参考坐标系，按两次扫描范围的中点对齐层面（既往检查沿层面方向移位 {shift} mm），未校正体位差异，请以解剖结构核对层面。',
    'prior.notParallel': '左为当前检查，右为既往检查，未同步：两个序列的层面方向不一致，请分别翻阅。',
    'prior.noGeometry': '左为当前检查，右为既往检查，未同步：图像无层面位置信息，请分别翻阅。',
    'prior.failed': '对比未能完成：{message}',
  },
);
