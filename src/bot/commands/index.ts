import type { TextCommand } from '../bot-turn';
import { actionCommand } from './action';
import { assignCommand } from './assign';
import { helpCommand } from './help';
import { meetingsCommand } from './meetings';
import { myActionsCommand } from './my-actions';
import { overdueCommand } from './overdue';
import { reopenCommand } from './reopen';
import { reportCommand } from './report';
import { signOffCommand } from './sign-off';
import { summaryCommand } from './summary';

/** Every text command, in the order they are tried. */
export const COMMANDS: TextCommand[] = [
  helpCommand,
  myActionsCommand,
  summaryCommand,
  overdueCommand,
  actionCommand,
  assignCommand,
  signOffCommand,
  reopenCommand,
  reportCommand,
  meetingsCommand,
];
