import { PlanWaves } from './plan/PlanWaves';
import { ReleasedTours } from './FloorTours';

// The lead's release path: plan every fillable line within a wave template, review and change
// the waves (plan/), release them one by one, and hand tours to pickers ahead of time
// (FloorTours, the same list as the floor screen's).
export const PlanScreen = () => (
  <section aria-labelledby="plan-title" className="plan">
    <h1 id="plan-title">Plan waves</h1>
    <PlanWaves />
    <ReleasedTours />
  </section>
);
