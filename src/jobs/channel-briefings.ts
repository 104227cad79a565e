import { buildChannelBriefingCard } from '../cards/channel-briefing-card';
import { titleText } from '../cards/format';
import { buildBriefing, dueBriefing, type BriefingTimes } from '../domain/channel-briefing';
import type { ChannelSubscription } from '../domain/channel-subscription';
import { briefingSummary } from '../domain/notification-summary';
import { localDate } from '../domain/overdue';
import { isWorkingDay } from '../domain/working-days';
import type { Config } from '../config/config';
import type { JobDefinition } from './job-definition';
import type { JobDeps, JobOptions, JobReport } from './job-context';
import { runPlannedJob, type PlannedMessage } from './run-planned';

/** The job's name: its lease, its ledger partition and its endpoint. */
export const CHANNELS_JOB = 'channels';

/** The channel posting times of the settings. */
export function briefingTimesOf(config: Config): BriefingTimes {
  return {
    hour: config.CHANNEL_HOUR,
    daysBefore: config.CHANNEL_DAYS_BEFORE_MEETING,
    timezone: config.TIMEZONE,
  };
}

function channelName(sub: ChannelSubscription): string {
  return sub.channelName ? `#${sub.channelName}` : 'a team channel';
}

/**
 * The plan summaries due in team channels at `options.at`, posted through the notifier under
 * the job's lease and ledger: the run key is the local date and each message's target names the
 * subscription and the posting ("2026-W48", "meeting-2027-01-12"), so a re-run or a second
 * instance never posts it twice.
 */
export async function runChannelBriefings(deps: JobDeps, options: JobOptions): Promise<JobReport> {
  const times = briefingTimesOf(deps.config);
  return runPlannedJob(deps, options, {
    job: CHANNELS_JOB,
    sends: 'plan summaries',
    runKey: localDate(options.at, times.timezone),
    plan: async () => {
      const subs = await deps.repos.channels.list();
      const messages: PlannedMessage[] = [];
      for (const sub of subs) {
        const plan = await deps.repos.plans.get(sub.planId);
        if (!plan) continue;
        const occurrence = dueBriefing(sub, plan, options.at, times);
        if (!occurrence) continue;
        const [actions, updates] = await Promise.all([
          deps.repos.actions.listByPlan(plan.id),
          deps.repos.updates.listForPlan(
            plan.id,
            new Date(options.at.getTime() - 366 * 24 * 3600 * 1000).toISOString(),
          ),
        ]);
        const briefing = buildBriefing(plan, actions, updates, options.at);
        const target = `channel|${sub.id}|${occurrence}`;
        const report = { to: channelName(sub), name: channelName(sub), target, title: plan.title };
        messages.push({
          outgoing: {
            target,
            person: null,
            channel: sub.reference,
            payload: { summary: `${plan.title} (${briefing.periodLabel})` },
            compose: () => ({
              card: buildChannelBriefingCard(briefing),
              summary: briefingSummary({
                ...briefing,
                // As the card shows it: sentence case for a title in block capitals.
                planTitle: titleText(briefing.planTitle),
              }),
            }),
            report,
          },
          preview: { title: plan.title },
        });
      }
      return { people: [], messages };
    },
  });
}

/** The registry entry: hourly on working days; each subscription's own rule decides. */
export const channelsJob: JobDefinition = {
  title: 'Channel summaries',
  schedule: {
    hour: (config) => config.CHANNEL_HOUR,
    isDue: (at, config) => isWorkingDay(localDate(at, config.TIMEZONE)),
  },
  run: runChannelBriefings,
};
