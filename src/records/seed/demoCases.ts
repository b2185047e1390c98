import { CASE_SCHEMA_VERSION, teachingCase, type TeachingCase } from '../../core/session/teachingCase';
import { SAMPLE_STUDIES, type SampleStudy, type SampleStudyKey } from '../../dicomweb/sample/sampleCatalogue';
import { demoAccountId, type DemoTutor } from './demoPeople';
import { DEMO_REFERENCE_UIDS } from './demoReferenceAnnotations';

/** The prior chest CT is read within the current one's case, not as a case of its own. */
export type DemoCaseKey = Exclude<SampleStudyKey, 'chestCtPrior'>;

export const DEMO_CASE_IDS: Record<DemoCaseKey, string> = {
  chestCt: 'demo-case-chest-ct',
  brainMr: 'demo-case-brain-mr',
  chestRadiograph: 'demo-case-chest-radiograph',
  liverUltrasound: 'demo-case-liver-us',
};

type CaseContent = Pick<TeachingCase, 'title' | 'category' | 'trainingYear' | 'realTime' | 'objectives' | 'referenceAnswer'> & {
  studies: SampleStudy[];
  preparedBy: DemoTutor;
};

const { chestCt, chestCtPrior, brainMr, chestRadiograph, liverUltrasound } = SAMPLE_STUDIES;

// What the tutors would write for the sample images as generated: the nodule is 14 mm now and 8 mm
// on the prior, the brain lesion has a T2-dark rim in vasogenic oedema, the radiograph is normal and
// the liver holds one hyperechoic nodule.
const CONTENT: Record<DemoCaseKey, CaseContent> = {
  chestCt: {
    title: '右肺上叶实性结节',
    studies: [chestCt, chestCtPrior],
    category: 'respiratory',
    trainingYear: 2,
    realTime: false,
    preparedBy: 'tutor1',
    objectives: [
      '规范描述肺结节的部位、大小、密度、形态及边缘征象',
      '与既往 CT 对照，测量结节变化并估算体积倍增时间',
      '依据肺结节诊治中国专家共识给出处理建议',
      '重要征象及最后诊断完整写入影像诊断报告',
    ],
    referenceAnswer: {
      findings: [
        {
          id: 'ref-nodule',
          kind: 'positive',
          description: '右肺上叶前段实性结节，类圆形，大小约 14 mm × 13 mm，边缘浅分叶，边界清楚，未见毛刺，密度均匀，CT 值约 35 HU，内未见钙化、空泡及空洞',
          location: '右肺上叶前段',
          annotationIds: [DEMO_REFERENCE_UIDS.chestCtNodule],
          pathology: '浅分叶提示结节各部分生长速度不一，是肿瘤性生长的表现；密度均匀提示瘤细胞排列致密，未见坏死',
        },
        {
          id: 'ref-growth',
          kind: 'positive',
          description: '与 2026-04-15 胸部 CT 对照，结节直径由约 8 mm 增大至 14 mm，体积增大约 5 倍，体积倍增时间约 75 天',
          location: '右肺上叶前段',
          annotationIds: [DEMO_REFERENCE_UIDS.chestCtPriorNodule, DEMO_REFERENCE_UIDS.chestCtNodule],
          pathology: '半年内持续增大，倍增时间落在恶性肿瘤常见范围（约 20–400 天）',
        },
        {
          id: 'ref-nodes',
          kind: 'negative',
          description: '纵隔及双肺门未见肿大淋巴结',
          location: '纵隔、双肺门',
          annotationIds: [],
          pathology: '无淋巴结转移征象，与分期相关',
        },
        {
          id: 'ref-pleura',
          kind: 'negative',
          description: '邻近胸膜无牵拉凹陷，双侧胸腔未见积液',
          location: '胸膜',
          annotationIds: [],
          pathology: '无胸膜侵犯征象',
        },
      ],
      diagnosis: '右肺上叶前段实性结节，较 2026-04-15 明显增大，考虑周围型肺癌可能性大（cT1bN0M0，IA2 期，待病理证实）',
      report: {
        examination: '胸部 CT 平扫',
        clinicalInformation: '男，68 岁。体检发现右肺结节 6 个月，复查。吸烟 40 年，每日 20 支。检查目的：评估结节变化。',
        technique: '仰卧位，深吸气屏气，自胸廓入口至肺底螺旋扫描，层厚 5 mm，肺窗及纵隔窗观察。',
        findings:
          '右肺上叶前段见一实性结节，类圆形，大小约 14 mm × 13 mm，边缘浅分叶，边界清楚，未见毛刺，密度均匀，CT 值约 35 HU，未见钙化、空泡及空洞；与 2026-04-15 CT 比较，结节直径由约 8 mm 增大至 14 mm。邻近胸膜无牵拉凹陷。余双肺未见结节及实变。气管及主支气管通畅。纵隔及双肺门未见肿大淋巴结。心脏及大血管未见异常。双侧胸腔未见积液。',
        impression: '右肺上叶前段实性结节，较前明显增大（8 mm → 14 mm），考虑周围型肺癌可能性大。',
        recommendations: '建议胸外科或多学科会诊；可行薄层增强 CT 或 PET-CT 评估，必要时穿刺活检或手术切除明确病理。',
      },
    },
  },
  brainMr: {
    title: '右额叶环形病变伴周围水肿',
    studies: [brainMr],
    category: 'neuro',
    trainingYear: 3,
    realTime: false,
    preparedBy: 'tutor1',
    objectives: ['掌握颅内环形病变的 MRI 信号特点', '掌握脑脓肿与坏死性胶质瘤、转移瘤的鉴别要点', '认识平扫序列的局限，提出补充 DWI、增强扫描及 MRS 的建议'],
    referenceAnswer: {
      findings: [
        {
          id: 'ref-lesion',
          kind: 'positive',
          description: '右侧额叶皮层下类圆形病灶，大小约 20 mm × 19 mm，中心长 T1 长 T2 信号，环壁薄而光整，T2WI 呈低信号',
          location: '右侧额叶',
          annotationIds: [DEMO_REFERENCE_UIDS.brainMrLesion],
          pathology: '中心为脓液或坏死；T2 低信号环提示胶原包膜及巨噬细胞内的顺磁性物质，多见于脓肿包膜期',
        },
        {
          id: 'ref-oedema',
          kind: 'positive',
          description: '病灶周围指状长 T1 长 T2 信号，沿白质分布',
          location: '右侧额叶白质',
          annotationIds: [DEMO_REFERENCE_UIDS.brainMrOedema],
          pathology: '血管源性水肿：血脑屏障破坏，液体沿白质纤维束扩散',
        },
        {
          id: 'ref-midline',
          kind: 'negative',
          description: '中线结构居中，脑室系统未见扩张，颅内未见其他病灶',
          location: '全脑',
          annotationIds: [],
          pathology: '单发病灶、占位效应轻，不支持多发转移瘤',
        },
      ],
      diagnosis: '右侧额叶环形病变伴血管源性水肿，考虑脑脓肿（包膜期）可能性大；坏死性高级别胶质瘤及单发转移瘤待排',
      report: {
        examination: '头颅 MRI 平扫',
        clinicalInformation: '女，47 岁。头痛 2 周伴低热，左手无力 3 天；3 周前拔牙史；WBC 12.6×10⁹/L，CRP 46 mg/L。检查目的：明确右额叶病变性质。',
        technique: '1.5T，轴位 T1WI SE、T2WI TSE，层厚 5 mm。未行 DWI 及增强扫描。',
        findings:
          '右侧额叶皮层下见类圆形异常信号，大小约 20 mm × 19 mm，中心呈长 T1 长 T2 信号，环壁薄而光整，T1WI 呈等-稍高信号，T2WI 呈低信号；周围见指状长 T1 长 T2 水肿信号。中线结构居中，脑室系统未见扩张，脑沟脑池未见增宽。颅内未见其他异常信号。',
        impression: '右侧额叶环形病变伴周围血管源性水肿，考虑脑脓肿（包膜期）可能性大；坏死性高级别胶质瘤及单发转移瘤不能除外。',
        recommendations: '建议尽快补充 DWI/ADC 及增强扫描，必要时 MRS；抗感染治疗后 2 周复查。',
      },
    },
  },
  chestRadiograph: {
    title: '胸部正位片：正常胸部 X 线表现',
    studies: [chestRadiograph],
    category: 'respiratory',
    trainingYear: 1,
    realTime: false,
    preparedBy: 'tutor2',
    objectives: ['掌握胸部后前位片的正常解剖与系统阅片顺序', '规范描述正常胸片及重要阴性征象', '评价胸片摄影质量（体位、吸气程度、曝光条件）'],
    referenceAnswer: {
      findings: [
        {
          id: 'ref-lungs',
          kind: 'negative',
          description: '双肺纹理清晰，走行自然，双肺野未见实变、结节或肿块影',
          location: '双肺',
          annotationIds: [],
          pathology: '肺泡腔内未见渗出，不支持肺炎',
        },
        {
          id: 'ref-heart',
          kind: 'negative',
          description: '心影大小形态正常，心胸比约 0.45；双肺门不大，纵隔居中',
          location: '心脏、纵隔',
          annotationIds: [],
          pathology: '无心脏增大及肺门、纵隔占位',
        },
        {
          id: 'ref-diaphragm',
          kind: 'negative',
          description: '双膈面光整，双侧肋膈角锐利；骨性胸廓未见异常',
          location: '膈肌、胸膜、胸廓',
          annotationIds: [],
          pathology: '无胸腔积液及骨质病变',
        },
      ],
      diagnosis: '心、肺、膈未见明确异常',
      report: {
        examination: '胸部 X 线后前位（DR）',
        clinicalInformation: '女，36 岁。咳嗽、咳少量白痰 1 周，无发热。检查目的：排除肺部感染性病变。',
        technique: '立位后前位，深吸气屏气摄影。',
        findings: '胸廓对称，气管居中。双肺纹理清晰，走行自然，双肺野未见实变、结节或肿块影。双肺门不大，纵隔居中。心影大小形态正常，心胸比约 0.45。双膈面光整，双侧肋膈角锐利。所见骨性胸廓未见异常。',
        impression: '心、肺、膈未见明确异常。',
        recommendations: '如症状持续或加重，建议复查或行胸部 CT 检查。',
      },
    },
  },
  liverUltrasound: {
    title: '肝右叶高回声结节',
    studies: [liverUltrasound],
    category: 'digestive',
    trainingYear: 2,
    realTime: true,
    preparedBy: 'tutor2',
    objectives: ['在指导下完成肝脏标准切面扫查、测量与图像存储', '掌握肝血管瘤的典型超声表现及鉴别诊断', '结合肝炎病史与 AFP 给出随访或进一步检查建议'],
    referenceAnswer: {
      findings: [
        {
          id: 'ref-nodule',
          kind: 'positive',
          description: '肝右叶类圆形高回声结节，大小约 21 mm × 19 mm，边界清晰，内部回声均匀',
          location: '肝右叶',
          annotationIds: [DEMO_REFERENCE_UIDS.liverUsNodule],
          pathology: '血管瘤内扩张的血窦与窦壁形成大量界面，产生密集的强回声反射',
        },
        {
          id: 'ref-halo',
          kind: 'negative',
          description: '结节周边无低回声晕，后方回声无衰减',
          location: '肝右叶',
          annotationIds: [],
          pathology: '无包膜及晕环，不支持肝细胞癌或转移瘤',
        },
        {
          id: 'ref-background',
          kind: 'negative',
          description: '肝脏大小形态正常，包膜光整，实质回声均匀，门静脉不扩张',
          location: '肝脏',
          annotationIds: [],
          pathology: '无肝硬化背景',
        },
      ],
      diagnosis: '肝右叶高回声结节，考虑肝血管瘤',
      report: {
        examination: '肝脏超声检查',
        clinicalInformation: '男，58 岁。体检发现肝内结节 1 周。HBsAg 阴性，AFP 3.2 ng/mL。检查目的：明确结节性质。',
        technique: '凸阵探头，仰卧位及左侧卧位，经肋间及右肋缘下扫查。',
        findings: '肝脏大小形态正常，包膜光整，实质回声均匀。肝右叶见一类圆形高回声结节，大小约 21 mm × 19 mm，边界清晰，内部回声均匀，周边未见低回声晕，后方回声无衰减。肝内管道结构清晰，门静脉主干内径正常。',
        impression: '肝右叶高回声结节，考虑肝血管瘤。',
        recommendations: '建议 6 个月后超声复查；如需明确，可行超声造影或增强 MRI。',
      },
    },
  },
};

/**
 * One prepared case per sample study. Each is checked against the case schema here, so that a
 * mistake in the seed stops it before anything is written rather than surfacing in the viewer.
 */
export function demoCases(createdAt: Record<DemoCaseKey, Date>): Record<DemoCaseKey, TeachingCase> {
  const entries = (Object.keys(CONTENT) as DemoCaseKey[]).map(key => {
    const { studies, preparedBy, ...content } = CONTENT[key];
    const read = studies[0]!;
    return [
      key,
      teachingCase.parse({
        schemaVersion: CASE_SCHEMA_VERSION,
        id: DEMO_CASE_IDS[key],
        ...content,
        studyInstanceUIDs: studies.map(study => study.studyUID),
        modality: read.modalities[0],
        bodyPart: read.bodyPartExamined,
        preparedBy: demoAccountId(preparedBy),
        createdAt: createdAt[key].toISOString(),
      }),
    ];
  });
  return Object.fromEntries(entries) as Record<DemoCaseKey, TeachingCase>;
}
