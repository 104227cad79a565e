import { normalisePost, samePost } from '../domain/owners';
import type { PeopleRepository } from '../storage/people-repository';
import { refusals } from './refusals';

/** Who holds a post now and who held it before. */
export interface AssignOutcome {
  post: string;
  holder: string;
  previousHolders: string[];
}

/**
 * Gives a post to a person in the directory and takes it from whoever held it, so prompts for
 * the post's actions go to the new holder from now on.
 */
export async function assignPost(
  people: PeopleRepository,
  postText: string,
  email: string,
): Promise<AssignOutcome> {
  const post = normalisePost(postText);
  const target = await people.get(email);
  if (!target) {
    throw refusals.notInDirectory(email);
  }
  const everyone = await people.list();
  const previous = everyone.filter(
    (p) => p.email !== target.email && p.posts.some((x) => samePost(x, post)),
  );
  for (const holder of previous) {
    await people.setPosts(
      holder.email,
      holder.posts.filter((x) => !samePost(x, post)),
    );
  }
  if (!target.posts.some((x) => samePost(x, post))) {
    await people.setPosts(target.email, [...target.posts, post]);
  }
  return {
    post,
    holder: `${target.name} (${target.email})`,
    previousHolders: previous.map((p) => p.name),
  };
}
