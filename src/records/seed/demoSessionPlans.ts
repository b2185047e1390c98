import type { StageId } from '../../core/rubric/rubricSchema';
import type { ClinicalInfoWork, ReportWork, StageWorkByStage } from '../../core/session/stageWork';
import type { DemoCaseKey } from './demoCases';
import type { DemoResident, DemoTutor } from './demoPeople';
import { DEMO_RESIDENT_UIDS } from './demoResidentDrawings';
import type { TutorNotes } from './demoScores';

/** How the tutor scored a stage: about `quality` (0–1) of each criterion, some marked not applicable. */
export interface StageTutoring {
  quality: number;
  notApplicable: string[];
  notes: TutorNotes;
}

export interface QuestionPlan {
  stage: StageId;
  id: string;
  question: string;
  answer: string;
}

/** A session held, scored and signed in an earlier month. */
export interface SignedOffPlan {
  id: string;
  caseKey: DemoCaseKey;
  resident: DemoResident;
  tutor: DemoTutor;
  /** When the clock started, in Beijing: so many months before the seed's month, on that day and hour. */
  when: { monthsBefore: number; day: number; hour: number };
  place: string;
  /** Set when the case was prepared for another year than the resident's: the tutor's reason. */
  yearMismatchReason?: string;
  work: StageWorkByStage;
  /** A first report the tutor sent back before `work['4.5']` was handed in. */
  reportDraft?: { work: ReportWork; returnReason: string };
  questions: QuestionPlan[];
  tutoring: Record<StageId, StageTutoring>;
  mainProblems: string;
}

const NO_PRIOR_ON_SHEET = ['tumour-staging', 'prior-comparison'];
const NO_TUMOUR_NO_PRIOR = ['extent-or-stage', 'change-from-prior'];

/** A first-year resident's first radiograph: thorough on the lungs, less so elsewhere, report sent back once. */
const chestRadiographResident2: SignedOffPlan = {
  id: 'demo-session-chest-radiograph-resident2',
  caseKey: 'chestRadiograph',
  resident: 'resident2',
  tutor: 'tutor2',
  when: { monthsBefore: 3, day: 12, hour: 14 },
  place: '放射科二楼阅片室',
  work: {
    '4.1': {
      items: {
        complaint: { status: 'available', text: '咳嗽、咳少量白痰 1 周，无发热、胸痛' },
        history: { status: 'available', text: '既往体健，无吸烟史，否认结核接触史' },
        labs: { status: 'missing', text: '申请单及门诊病历未附血常规结果' },
        priorImaging: { status: 'available', text: '无既往胸部影像检查' },
        examReason: { status: 'available', text: '咳嗽 1 周，门诊医师申请胸片' },
        examPurpose: { status: 'available', text: '排除肺炎等肺部病变' },
      },
      summary: '青年女性，咳嗽 1 周，无发热；检查目的为排除肺部感染性病变。',
    },
    '4.2': {
      preparation: '已去除胸前金属饰物，站立后前位，深吸气后屏气摄影',
      protocol: '立位后前位，源像距 180 cm，管电压约 120 kV，自动曝光控制',
      radiation: '非检查部位铅围裙防护；已询问末次月经，否认妊娠可能',
      postProcessing: '常规窗宽窗位调节',
      nursing: '',
      imageQuality: 'gradeA',
      artefacts: '未见异物及运动伪影',
      improvement: '',
      realTimeProcedure: '',
    },
    '4.3': {
      findings: [
        { id: 'f1', kind: 'negative', description: '双肺纹理清晰，双肺野未见实变、结节或肿块影', location: '双肺', annotationIds: [], pathology: '肺泡腔内未见渗出' },
        { id: 'f2', kind: 'negative', description: '心影大小形态正常', location: '心脏', annotationIds: [], pathology: '' },
        { id: 'f3', kind: 'negative', description: '双膈面光整，双侧肋膈角锐利', location: '膈肌、胸膜', annotationIds: [], pathology: '无胸腔积液' },
      ],
    },
    '4.4': {
      differentials: [
        { diagnosis: '急性气管-支气管炎', reasoning: '咳嗽 1 周、无发热，胸片可无阳性表现' },
        { diagnosis: '社区获得性肺炎', reasoning: '胸片未见实变或渗出影，暂不支持' },
      ],
      finalDiagnosis: '心、肺、膈未见明确异常',
      nature: '未见器质性病变',
      extentOrStage: '',
      changeFromPrior: '',
      cannotExclude: [],
    },
    '4.5': {
      examination: '胸部 X 线后前位（DR）',
      clinicalInformation: '女，36 岁。咳嗽、咳少量白痰 1 周，无发热。检查目的：排除肺部感染。',
      technique: '立位后前位摄影。',
      findings: '胸廓对称，气管居中。双肺纹理清晰，双肺野未见实变、结节或肿块影。双肺门不大，纵隔居中。心影大小形态正常。双膈面光整，双侧肋膈角锐利。骨性胸廓未见异常。',
      impression: '心、肺、膈未见明确异常。',
      recommendations: '如症状持续，建议复查。',
    },
  },
  reportDraft: {
    work: {
      examination: '胸部正位片',
      clinicalInformation: '咳嗽 1 周',
      technique: '',
      findings: '双肺纹理清晰，未见实变影。心影不大。双膈光整，肋膈角锐利。',
      impression: '心肺未见异常',
      recommendations: '',
    },
    returnReason: '检查技术未填写，临床信息过于简略；影像描述遗漏气管、纵隔、肺门及骨性胸廓，请按系统阅片顺序补充后重新提交。',
  },
  questions: [],
  tutoring: {
    '4.1': {
      quality: 0.75,
      notApplicable: [],
      notes: {
        remark: '申请单信息提取完整，标注了血常规缺失，但未主动补充。',
        feedback: '能按条目逐项提取，检查目的表述准确。',
        guidance: '信息缺失时应联系门诊医师或询问患者补充，如血常规、体温变化。',
      },
    },
    '4.2': {
      quality: 0.8,
      notApplicable: ['nursing', 'improvement'],
      notes: {
        remark: '对体位、吸气程度及曝光条件的评价基本到位。',
        feedback: '能口头说出判断吸气充分的标准（右膈顶约平第 10 后肋）。',
        guidance: '复习胸片质量评价的四个要点：体位、吸气、曝光、伪影。',
      },
    },
    '4.3': {
      quality: 0.68,
      notApplicable: [],
      notes: {
        remark: '遗漏纵隔、肺门及骨性胸廓的观察。',
        feedback: '肺野及膈面描述规范。',
        guidance: '正常胸片更需按固定顺序阅片：胸廓—气管纵隔—肺门—肺野—心影—膈面—骨骼，避免遗漏。',
      },
    },
    '4.4': {
      quality: 0.65,
      notApplicable: NO_TUMOUR_NO_PRIOR,
      notes: {
        remark: '鉴别诊断思路合理，但未指出胸片的局限。',
        feedback: '能结合症状解释胸片阴性的意义。',
        guidance: '胸片阴性不能除外心影后、膈下隐匿区小病灶及早期间质性改变，应在诊断中体现。',
      },
    },
    '4.5': {
      quality: 0.72,
      notApplicable: NO_PRIOR_ON_SHEET,
      notes: {
        remark: '初稿退回一次后修改。',
        feedback: '修改稿结构完整，阴性征象描述规范。',
        guidance: '建议语应回应检查目的，如“如症状持续或加重，建议行胸部 CT 检查”。',
      },
    },
  },
  mainProblems: '初稿缺检查技术、临床信息过简，描述未按系统顺序；修改稿基本规范，建议语仍较笼统。',
};

/** A third-year resident on a case prepared for the third year: strong reasoning, small gaps in the report. */
const brainMrResident3: SignedOffPlan = {
  id: 'demo-session-brain-mr-resident3',
  caseKey: 'brainMr',
  resident: 'resident3',
  tutor: 'tutor1',
  when: { monthsBefore: 2, day: 9, hour: 15 },
  place: '放射科 MRI 读片室',
  work: {
    '4.1': {
      items: {
        complaint: { status: 'available', text: '头痛 2 周，加重伴低热 5 天，左手持物无力 3 天' },
        history: { status: 'obtained', text: '3 周前因牙周脓肿拔牙，未规律服用抗生素；否认肿瘤病史', from: 'patient' },
        labs: { status: 'obtained', text: '血常规 WBC 12.6×10⁹/L，中性粒细胞 82%；CRP 46 mg/L', from: 'referringDoctor' },
        priorImaging: { status: 'available', text: '急诊头颅 CT：右额叶低密度影；无既往 MRI' },
        examReason: { status: 'available', text: '头痛伴发热及局灶神经功能障碍，CT 发现右额叶病变' },
        examPurpose: { status: 'available', text: '明确右额叶病变性质（感染与肿瘤鉴别），评估占位效应' },
      },
      summary: '中年女性，亚急性头痛、低热及左上肢无力，近期牙源性感染史，炎症指标升高；急诊 CT 示右额叶低密度影。本次 MRI 目的为定性诊断并评估占位效应。',
    },
    '4.2': {
      preparation: '已去除金属物品并筛查 MRI 禁忌证；头部固定良好',
      protocol: '1.5T 头颅平扫，轴位 T1WI SE、T2WI TSE，层厚 5 mm，层间距 1 mm',
      radiation: 'MRI 无电离辐射；已确认无心脏起搏器及金属植入物',
      postProcessing: '无需重建；轴位单一方位，缺少矢状位及冠状位',
      nursing: '',
      imageQuality: 'gradeB',
      artefacts: '未见明显运动及磁化率伪影',
      improvement: '缺少 DWI、FLAIR 及增强扫描，难以鉴别脓肿与坏死性肿瘤；建议补充 DWI/ADC、FLAIR 及增强 T1WI，必要时 MRS',
      realTimeProcedure: '',
    },
    '4.3': {
      findings: [
        {
          id: 'f1',
          kind: 'positive',
          description: '右侧额叶皮层下类圆形病灶，大小约 20 mm × 19 mm，中心呈长 T1 长 T2 信号',
          location: '右侧额叶皮层下白质',
          annotationIds: [DEMO_RESIDENT_UIDS.brainMrLesion],
          pathology: '中心为液化坏死或脓液',
        },
        {
          id: 'f2',
          kind: 'positive',
          description: '病灶周边见厚约 2 mm 的环壁，光整、厚薄均匀，T1WI 呈等-稍高信号，T2WI 呈低信号',
          location: '右侧额叶',
          annotationIds: [],
          pathology: '脓肿壁的胶原包膜及巨噬细胞内顺磁性自由基使 T2 信号减低',
        },
        {
          id: 'f3',
          kind: 'positive',
          description: '病灶周围大片指状长 T1 长 T2 信号，沿白质分布',
          location: '右侧额叶白质',
          annotationIds: [],
          pathology: '血管源性水肿：血脑屏障破坏，液体沿白质纤维束扩散',
        },
        { id: 'f4', kind: 'negative', description: '中线结构居中，脑室系统未见扩张', location: '中线、脑室', annotationIds: [], pathology: '占位效应轻，无脑积水' },
        { id: 'f5', kind: 'negative', description: '颅内未见其他病灶', location: '全脑', annotationIds: [], pathology: '单发病灶，不支持多发转移瘤' },
      ],
    },
    '4.4': {
      differentials: [
        { diagnosis: '脑脓肿（包膜期）', reasoning: '环壁薄而光整、T2 低信号环；近期牙源性感染史，发热，炎症指标升高' },
        { diagnosis: '高级别胶质瘤（胶质母细胞瘤）', reasoning: '可呈环状坏死伴水肿，但环壁多厚薄不均、可见壁结节，T2 低信号环少见' },
        { diagnosis: '单发脑转移瘤', reasoning: '中年患者需考虑，但无原发肿瘤病史，病灶单发' },
      ],
      finalDiagnosis: '右侧额叶环形病变伴周围血管源性水肿，考虑脑脓肿（包膜期）可能性大',
      nature: '化脓性感染可能性大',
      extentOrStage: '单发，局限于右侧额叶，占位效应轻',
      changeFromPrior: '',
      cannotExclude: ['坏死性高级别胶质瘤', '单发转移瘤'],
    },
    '4.5': {
      examination: '头颅 MRI 平扫',
      clinicalInformation: '女，47 岁。头痛 2 周伴低热，左手无力 3 天；3 周前拔牙史；WBC 12.6×10⁹/L，CRP 46 mg/L。检查目的：明确右额叶病变性质。',
      technique: '1.5T，轴位 T1WI、T2WI，层厚 5 mm。',
      findings:
        '右侧额叶皮层下见类圆形异常信号，大小约 20 mm × 19 mm，中心呈长 T1 长 T2 信号，周边见光整薄环，T1WI 呈等-稍高信号，T2WI 呈低信号；周围见指状长 T1 长 T2 水肿信号。中线结构居中，脑室系统未见扩张，脑沟脑池未见增宽。颅内未见其他异常信号。',
      impression: '右侧额叶环形病变伴周围血管源性水肿，考虑脑脓肿（包膜期）可能性大；坏死性高级别胶质瘤及单发转移瘤不能除外。',
      recommendations: '建议补充 DWI/ADC 及增强扫描，必要时 MRS。',
    },
  },
  questions: [
    {
      stage: '4.4',
      id: 'q-dwi',
      question: '如何利用 DWI 鉴别脑脓肿与坏死性肿瘤？',
      answer: '脓腔内脓液黏稠，水分子扩散受限，DWI 呈高信号、ADC 值减低；肿瘤坏死区扩散多不受限，ADC 值升高。',
    },
  ],
  tutoring: {
    '4.1': {
      quality: 0.95,
      notApplicable: [],
      notes: {
        remark: '主动询问患者获得近期拔牙史，并联系主管医师补充血常规及 CRP。',
        feedback: '临床信息提取全面，抓住了感染线索。',
        guidance: '可进一步询问有无先天性心脏病、免疫抑制等脑脓肿易感因素。',
      },
    },
    '4.2': {
      quality: 0.88,
      notApplicable: ['nursing'],
      notes: {
        remark: '指出平扫缺少 DWI、FLAIR 及增强序列。',
        feedback: '对序列局限性的认识清楚，改进建议具体。',
        guidance: '急诊疑脑脓肿时，应与技师沟通当场加扫 DWI，避免患者二次检查。',
      },
    },
    '4.3': {
      quality: 0.9,
      notApplicable: [],
      notes: {
        remark: '环壁 T2 低信号这一关键征象描述准确。',
        feedback: '阳性及阴性征象完整，病理机制分析清楚。',
        guidance: '测量水肿范围时注明测量层面，便于复查对比。',
      },
    },
    '4.4': {
      quality: 0.88,
      notApplicable: ['change-from-prior'],
      notes: {
        remark: '三个鉴别诊断排序合理，DWI 问题回答正确。',
        feedback: '能综合临床与影像得出倾向性诊断。',
        guidance: '对“不能除外”的疾病，应同时给出进一步检查的路径。',
      },
    },
    '4.5': {
      quality: 0.9,
      notApplicable: NO_PRIOR_ON_SHEET,
      notes: {
        remark: '报告结构完整，诊断意见层次清楚。',
        feedback: '描述与诊断一致，用词规范。',
        guidance: '建议语写明补充序列及复查时间，如“抗感染治疗后 2 周复查”。',
      },
    },
  },
  mainProblems: '技术部分未说明缺少 DWI 及增强扫描对诊断的限制；未写明复查时间。',
};

/** A real-time exam: the resident scans under guidance, so stage 4.2 is scored on the real-time criteria. */
const liverUltrasoundResident4: SignedOffPlan = {
  id: 'demo-session-liver-us-resident4',
  caseKey: 'liverUltrasound',
  resident: 'resident4',
  tutor: 'tutor2',
  when: { monthsBefore: 2, day: 20, hour: 10 },
  place: '超声科 3 号诊室',
  work: {
    '4.1': {
      items: {
        complaint: { status: 'available', text: '体检超声发现肝内结节 1 周，无腹痛、发热及消瘦' },
        history: { status: 'obtained', text: '否认病毒性肝炎病史，少量饮酒；无肿瘤病史及家族史', from: 'patient' },
        labs: { status: 'obtained', text: 'HBsAg 阴性，抗 HCV 阴性，AFP 3.2 ng/mL，肝功能正常', from: 'referringDoctor' },
        priorImaging: { status: 'available', text: '无既往腹部影像检查' },
        examReason: { status: 'available', text: '体检发现肝内结节' },
        examPurpose: { status: 'available', text: '明确结节的位置、大小及回声特点，初步定性' },
      },
      summary: '中年男性，体检发现肝内结节，无肝炎病史，AFP 正常；本次超声目的为明确结节特征并初步定性。',
    },
    '4.2': {
      preparation: '检查前空腹 8 小时；核对患者信息，说明检查过程并取得配合',
      protocol: '凸阵探头 1–5 MHz，腹部条件；仰卧位及左侧卧位，经肋间及右肋缘下扫查，嘱患者深吸气屏气',
      radiation: '超声无电离辐射',
      postProcessing: '调节增益、深度及聚焦区；存储灰阶图像及一段扫查动态图',
      nursing: '',
      imageQuality: 'gradeB',
      artefacts: '近场可见混响伪影，不影响观察',
      improvement: '建议加做彩色多普勒观察病灶内及周边血流',
      realTimeProcedure: '在指导医师指导下完成肝脏标准切面扫查：右肋间斜切显示门静脉右支及病灶，测量病灶两径，观察呼吸时病灶与肝实质同步移动',
    },
    '4.3': {
      findings: [
        {
          id: 'f1',
          kind: 'positive',
          description: '肝右叶类圆形高回声结节，大小约 21 mm × 19 mm，边界清晰，内部回声均匀',
          location: '肝右叶，门静脉右支浅方',
          annotationIds: [DEMO_RESIDENT_UIDS.liverUsNodule],
          pathology: '血管瘤内扩张的血窦与窦壁形成大量界面，产生密集的强回声反射',
        },
        { id: 'f2', kind: 'negative', description: '结节周边未见低回声晕，后方回声无衰减', location: '肝右叶', annotationIds: [], pathology: '无包膜及晕环，不支持肝细胞癌或转移瘤' },
        {
          id: 'f3',
          kind: 'negative',
          description: '肝脏大小形态正常，包膜光整，实质回声均匀，门静脉不扩张',
          location: '肝脏',
          annotationIds: [],
          pathology: '无肝硬化背景',
        },
      ],
    },
    '4.4': {
      differentials: [
        { diagnosis: '肝血管瘤', reasoning: '典型高回声、边界清、无晕环；无肝炎背景，AFP 正常' },
        { diagnosis: '局灶性脂肪浸润', reasoning: '多位于胆囊窝旁或肝门附近，形态多不规则，无占位效应' },
        { diagnosis: '高分化肝细胞癌', reasoning: '可呈高回声，但多有肝硬化背景及低回声晕，AFP 可升高' },
      ],
      finalDiagnosis: '肝右叶高回声结节，考虑肝血管瘤',
      nature: '良性可能性大',
      extentOrStage: '',
      changeFromPrior: '',
      cannotExclude: ['高分化肝细胞癌（需超声造影或增强 MRI 明确）'],
    },
    '4.5': {
      examination: '肝脏超声检查',
      clinicalInformation: '男，58 岁。体检发现肝内结节 1 周。HBsAg 阴性，AFP 3.2 ng/mL。检查目的：明确结节性质。',
      technique: '凸阵探头，仰卧位及左侧卧位，经肋间及右肋缘下扫查。',
      findings:
        '肝脏大小形态正常，包膜光整，实质回声均匀。肝右叶见一类圆形高回声结节，大小约 21 mm × 19 mm，边界清晰，内部回声均匀，周边未见低回声晕，后方回声无衰减。肝内管道结构清晰，门静脉主干内径正常。',
      impression: '肝右叶高回声结节，考虑肝血管瘤。',
      recommendations: '建议 6 个月后超声复查，或行超声造影进一步明确。',
    },
  },
  questions: [
    {
      stage: '4.2',
      id: 'q-breath-hold',
      question: '为什么要让患者深吸气后屏气再观察病灶？',
      answer: '深吸气使膈肌下移，肝脏随之下移，便于经肋缘下显示病灶；屏气可减少呼吸运动的影响，便于测量。',
    },
  ],
  tutoring: {
    '4.1': {
      quality: 0.85,
      notApplicable: [],
      notes: {
        remark: '向患者询问了肝炎病史，并向门诊医师补充 AFP 结果。',
        feedback: '意识到肝炎背景对肝结节定性的意义。',
        guidance: '还应了解有无其他部位肿瘤病史，以排除肝转移瘤。',
      },
    },
    '4.2': {
      quality: 0.7,
      notApplicable: [],
      notes: {
        remark: '首次独立完成肝脏扫查，切面基本规范，深度与增益调节欠熟练。',
        feedback: '测量方法正确，能在呼吸配合下稳定显示病灶。',
        guidance: '多练习肋间斜切与肋缘下切面的衔接；常规加做彩色多普勒观察病灶血流。',
      },
    },
    '4.3': {
      quality: 0.8,
      notApplicable: [],
      notes: {
        remark: '阳性征象描述完整，强调了无低回声晕。',
        feedback: '能说明高回声的病理基础。',
        guidance: '描述病灶位置时写明肝段（如 S5、S8），便于临床定位。',
      },
    },
    '4.4': {
      quality: 0.85,
      notApplicable: NO_TUMOUR_NO_PRIOR,
      notes: {
        remark: '鉴别诊断全面，结合 AFP 及肝炎病史分析合理。',
        feedback: '最后诊断准确。',
        guidance: '不典型时建议超声造影，观察周边结节状强化并向心性填充的典型表现。',
      },
    },
    '4.5': {
      quality: 0.8,
      notApplicable: ['prior-comparison'],
      notes: {
        remark: '报告格式规范，随访建议明确。',
        feedback: '描述与诊断一致。',
        guidance: '超声报告需注明存图切面，必要时附测量图。',
      },
    },
  },
  mainProblems: '未写明肝段定位；未记录彩色多普勒检查结果。',
};

/** resident1's previous session: a first-year case on purpose, before the chest CT now in progress. */
const chestRadiographResident1: SignedOffPlan = {
  id: 'demo-session-chest-radiograph-resident1',
  caseKey: 'chestRadiograph',
  resident: 'resident1',
  tutor: 'tutor1',
  when: { monthsBefore: 1, day: 15, hour: 14 },
  place: '放射科二楼阅片室',
  yearMismatchReason: '该住院医师本月转入胸部组，先以正常胸片复习系统阅片顺序与规范描述，为下次肺结节 CT 病例做准备。',
  work: {
    '4.1': {
      items: {
        complaint: { status: 'available', text: '咳嗽、咳少量白痰 1 周，无发热、胸痛及咯血' },
        history: { status: 'available', text: '既往体健，不吸烟，否认结核病史及接触史' },
        labs: { status: 'obtained', text: '血常规 WBC 6.8×10⁹/L，中性粒细胞 62%', from: 'referringDoctor' },
        priorImaging: { status: 'available', text: '本院无既往胸部影像' },
        examReason: { status: 'available', text: '咳嗽 1 周' },
        examPurpose: { status: 'available', text: '排除肺部感染及其他肺部病变' },
      },
      summary: '女，36 岁，咳嗽 1 周，无发热，血常规正常；胸片目的在于排除肺炎。',
    },
    '4.2': {
      preparation: '已去除金属饰物，立位后前位，吸气充分（右膈顶约平第 10 后肋）',
      protocol: '立位后前位，源像距 180 cm，高千伏摄影，自动曝光控制',
      radiation: '下腹部铅防护；已确认无妊娠可能',
      postProcessing: '常规窗宽窗位，无需特殊处理',
      nursing: '',
      imageQuality: 'gradeA',
      artefacts: '未见异物、运动及滤线栅伪影',
      improvement: '体位标准、曝光适当，无需改进',
      realTimeProcedure: '',
    },
    '4.3': {
      findings: [
        { id: 'f1', kind: 'negative', description: '胸廓对称，气管居中', location: '胸廓、气管', annotationIds: [], pathology: '无纵隔移位' },
        { id: 'f2', kind: 'negative', description: '双肺纹理清晰，走行自然，双肺野未见实变、结节或肿块影', location: '双肺', annotationIds: [], pathology: '未见渗出或占位' },
        {
          id: 'f3',
          kind: 'negative',
          description: '双肺门不大，纵隔不宽，心影大小形态正常，心胸比约 0.45',
          location: '肺门、纵隔、心脏',
          annotationIds: [],
          pathology: '无淋巴结肿大及心脏增大',
        },
        {
          id: 'f4',
          kind: 'negative',
          description: '双膈面光整，双侧肋膈角锐利；骨性胸廓未见异常',
          location: '膈肌、胸膜、骨骼',
          annotationIds: [],
          pathology: '无胸腔积液及骨质破坏',
        },
      ],
    },
    '4.4': {
      differentials: [
        { diagnosis: '急性气管-支气管炎', reasoning: '症状轻、无发热，血常规正常，胸片可无阳性发现' },
        { diagnosis: '社区获得性肺炎', reasoning: '胸片未见实变，血常规正常，不支持' },
        { diagnosis: '咳嗽变异性哮喘', reasoning: '胸片常无异常，需结合病史及肺功能检查' },
      ],
      finalDiagnosis: '心、肺、膈未见明确异常',
      nature: '未见器质性病变',
      extentOrStage: '',
      changeFromPrior: '',
      cannotExclude: ['心影后及膈下隐匿区小病灶'],
    },
    '4.5': {
      examination: '胸部 X 线后前位（DR）',
      clinicalInformation: '女，36 岁。咳嗽、咳少量白痰 1 周，无发热；血常规正常。检查目的：排除肺部感染。',
      technique: '立位后前位，深吸气屏气摄影。',
      findings:
        '胸廓对称，气管居中。双肺纹理清晰，走行自然，双肺野未见实变、结节或肿块影。双肺门不大，纵隔不宽。心影大小形态正常，心胸比约 0.45。双膈面光整，双侧肋膈角锐利。所见骨性胸廓未见异常。',
      impression: '心、肺、膈未见明确异常。',
      recommendations: '如咳嗽持续 3 周以上或症状加重，建议行胸部 CT 检查。',
    },
  },
  questions: [],
  tutoring: {
    '4.1': {
      quality: 0.92,
      notApplicable: [],
      notes: {
        remark: '主动联系门诊医师补充血常规。',
        feedback: '信息提取完整，检查目的明确。',
        guidance: '可追问有无过敏史及哮喘家族史，为鉴别咳嗽原因提供依据。',
      },
    },
    '4.2': {
      quality: 0.85,
      notApplicable: ['nursing', 'improvement'],
      notes: {
        remark: '能用后肋计数判断吸气程度。',
        feedback: '质量评价要点完整。',
        guidance: '注意观察肩胛骨是否拉开至肺野外、锁骨内端与棘突是否对称，以判断体位。',
      },
    },
    '4.3': {
      quality: 0.85,
      notApplicable: [],
      notes: {
        remark: '系统阅片顺序正确，阴性征象完整。',
        feedback: '心胸比测量规范。',
        guidance: '心影后及膈下区域是胸片的盲区，阅片时应专门复核。',
      },
    },
    '4.4': {
      quality: 0.8,
      notApplicable: NO_TUMOUR_NO_PRIOR,
      notes: {
        remark: '鉴别诊断考虑到咳嗽变异性哮喘，思路开阔。',
        feedback: '能结合血常规解释胸片阴性。',
        guidance: '诊断应与临床问题呼应：本例应明确写出“未见肺炎征象”。',
      },
    },
    '4.5': {
      quality: 0.86,
      notApplicable: NO_PRIOR_ON_SHEET,
      notes: {
        remark: '报告规范，描述顺序合理。',
        feedback: '建议语具体，与检查目的呼应。',
        guidance: '印象中可写“双肺未见肺炎征象”，直接回答临床问题。',
      },
    },
  },
  mainProblems: '诊断意见未直接回答“有无肺炎”这一临床问题。',
};

export const SIGNED_OFF_PLANS: SignedOffPlan[] = [chestRadiographResident2, brainMrResident3, liverUltrasoundResident4, chestRadiographResident1];

/** resident1 with tutor1 on the chest CT, started minutes ago, the clinical information half written. */
export const IN_PROGRESS_PLAN: { id: string; place: string; clinicalDraft: ClinicalInfoWork } = {
  id: 'demo-session-chest-ct-resident1',
  place: '放射科二楼阅片室',
  clinicalDraft: {
    items: {
      complaint: { status: 'available', text: '体检发现右肺结节 6 个月，近 1 个月偶有干咳，无咯血、胸痛及发热' },
      history: { status: 'available', text: '吸烟 40 年，每日约 20 支，未戒烟；高血压病史 10 年' },
      labs: { status: 'missing', text: '申请单未附肿瘤标志物结果，待联系主管医师' },
      priorImaging: { status: 'available', text: '2026-04-15 本院胸部 CT 平扫：右肺上叶实性结节，直径约 8 mm' },
      examReason: { status: 'available', text: '右肺结节 6 个月复查' },
      examPurpose: { status: 'available', text: '' },
    },
    summary: '',
  },
};
