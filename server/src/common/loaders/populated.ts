import { wrap } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import { plainState } from './plain-rows.js';

/**
 * The related entity when the query that loaded its owner already joined it in (`populate`), else
 * one batched load: children lists fetch their organisations in the same statement as themselves.
 */
export async function populatedOr<T extends { uuid: string }>(reference: T, loader: DataLoader<string, T | undefined>): Promise<T> {
  const plain = plainState(reference);
  if (plain === 'complete' || (plain === undefined && wrap(reference as object).isInitialized())) {
    return reference;
  }
  const loaded = await loader.load(reference.uuid);
  if (!loaded) {
    throw new Error(`referenced row ${reference.uuid} is missing`);
  }
  return loaded;
}
