import type { Actor, Role } from '../../core/session/people';
import type { TrainingYear } from '../../core/schema/common';
import type { DemoUsername } from './demoDepartment';

/** Who works in the demo department. Residents span the three years, so year matching can be shown. */
export const DEMO_PEOPLE = {
  admin: { name: '科室管理员', role: 'admin', trainingYear: null },
  tutor1: { name: '王建华', role: 'tutor', trainingYear: null },
  tutor2: { name: '孙丽娟', role: 'tutor', trainingYear: null },
  // Year 2, as the chest CT case in progress is prepared for year 2.
  resident1: { name: '李明轩', role: 'resident', trainingYear: 2 },
  resident2: { name: '陈雨桐', role: 'resident', trainingYear: 1 },
  resident3: { name: '张浩然', role: 'resident', trainingYear: 3 },
  resident4: { name: '刘思琪', role: 'resident', trainingYear: 2 },
} as const satisfies Record<DemoUsername, { name: string; role: Role; trainingYear: TrainingYear | null }>;

type People = typeof DEMO_PEOPLE;
export type DemoResident = { [U in DemoUsername]: People[U]['role'] extends 'resident' ? U : never }[DemoUsername];
export type DemoTutor = { [U in DemoUsername]: People[U]['role'] extends 'tutor' ? U : never }[DemoUsername];

export const demoAccountId = (username: DemoUsername): string => `demo-${username}`;

export const demoActor = (username: DemoUsername): Actor => ({ id: demoAccountId(username), role: DEMO_PEOPLE[username].role });
