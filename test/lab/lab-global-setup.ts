import { labDown, labUp } from './lab.js';
import { labIsUp } from './lab-session.js';

/**
 * Global setup of the `lab` test project: the lab comes up once for all its files (each file
 * then finds it up and leaves it so), and goes down at the end if it was down before.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const wasUp = await labIsUp();
  try {
    await labUp();
  } catch (error) {
    // Half a lab left running (a daemon without its socket, a held address) breaks the next run.
    if (!wasUp) await labDown();
    throw error;
  }
  return async () => {
    if (!wasUp) await labDown();
  };
}
