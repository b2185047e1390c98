import { STAGES } from '../../rubric/rubricSchema';
import { stageResult } from '../../scoring/stageResult';
import { clockStatus } from '../../session/sessionClock';
import { accept, refuse } from '../outcome';
import { refusals } from '../refusals';
import type { CommandContext, HandlerResult } from './context';
import { endTimer } from './clock';
import { tutorGuard } from './evaluation';

/** The tutor signs once every stage is scored in full; this locks the session and keeps what was signed. */
export function signOff(context: CommandContext): HandlerResult {
  const refused = tutorGuard(context);
  if (refused) return refused;
  const { session, actor, at } = context;
  const missing = STAGES.flatMap(stage => {
    if (session.stages[stage].status !== 'evaluated') return [`${stage} 未评分 / ${stage} not evaluated`];
    return stageResult(session, stage).complete ? [] : [`${stage} 评分不完整 / ${stage} not fully scored`];
  });
  if (clockStatus(session.timer) === 'notStarted') missing.push('未计时 / the clock was never started');
  if (missing.length) return refuse(refusals.notReadyToSign(missing));
  const timer = clockStatus(session.timer) === 'ended' ? session.timer : endTimer(session.timer, at);
  return accept({ ...session, timer, signOff: { at, by: actor.id, stages: structuredClone(session.stages) } });
}
