import { applyCommand, sessionCreatedEvent } from '../../core/rules/applyCommand';
import type { SessionCommand } from '../../core/rules/sessionCommand';
import type { SessionEvent } from '../../core/rules/sessionEvent';
import type { Actor } from '../../core/session/people';
import type { TeachingSession } from '../../core/session/session';

/** One change after creation, with what `appendEvent` stores beside it. */
export interface ScriptedStep {
  event: SessionEvent;
  command: SessionCommand;
  state: TeachingSession;
}

/** A session's whole history, as the rules produced it. */
export interface ScriptedSession {
  initial: TeachingSession;
  created: SessionEvent;
  steps: ScriptedStep[];
}

/**
 * Drives a session through the same rules the records service applies to requests, so the demo
 * holds only histories the product itself could have written. A refusal is a bug in the seed and
 * stops it.
 */
export class SessionScript {
  private state: TeachingSession;
  private readonly created: SessionEvent;
  private readonly steps: ScriptedStep[] = [];

  constructor(
    private readonly initial: TeachingSession,
    creator: Actor,
  ) {
    this.state = initial;
    this.created = sessionCreatedEvent(initial, creator, initial.createdAt);
  }

  get session(): TeachingSession {
    return this.state;
  }

  run(command: SessionCommand, actor: Actor, at: Date): this {
    const outcome = applyCommand(this.state, command, actor, at.toISOString(), this.steps.length + 2);
    if (!outcome.ok) {
      throw new Error(`Demo seed: ${command.type} by ${actor.id} on session ${this.state.id} was refused: ${outcome.problem.message.en} (${outcome.problem.code})`);
    }
    this.state = outcome.value.session;
    this.steps.push({ event: outcome.value.event, command, state: outcome.value.session });
    return this;
  }

  history(): ScriptedSession {
    return { initial: this.initial, created: this.created, steps: [...this.steps] };
  }
}
