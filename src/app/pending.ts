import type { Channel, Result } from '../api/contract';
import type { Handlers } from './invoke';

/** Channels of the contract whose services are being written this session (review mode, training): each answers a French refusal. */
type Pending =
  | 'dialog:openContractFile'
  | 'review:import'
  | 'task:progress'
  | 'task:cancel'
  | 'review:load'
  | 'review:setReviewer'
  | 'review:setVerdict'
  | 'review:addComment'
  | 'review:deleteComment'
  | 'review:setOpinion'
  | 'review:exportReport'
  | 'dialog:saveReviewPackage'
  | 'review:exportPackage'
  | 'dialog:openReviewPackage'
  | 'review:importPackage'
  | 'export:referentiel';

const PENDING: Pending[] = [
  'dialog:openContractFile',
  'review:import',
  'task:progress',
  'task:cancel',
  'review:load',
  'review:setReviewer',
  'review:setVerdict',
  'review:addComment',
  'review:deleteComment',
  'review:setOpinion',
  'review:exportReport',
  'dialog:saveReviewPackage',
  'review:exportPackage',
  'dialog:openReviewPackage',
  'review:importPackage',
  'export:referentiel',
];

export function pendingHandlers(): Pick<Handlers, Pending> {
  const refuse = async (): Promise<Result<never>> => ({ ok: false, error: 'Cette fonction n’est pas encore disponible dans cette version de Pilier.' });
  return Object.fromEntries(PENDING.map((channel: Channel) => [channel, refuse])) as unknown as Pick<Handlers, Pending>;
}
