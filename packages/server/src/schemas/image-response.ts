/** The success answer of the routes that serve an image's bytes (ledger photos, complaint photos, snapshots). */
const image = (type: string) => ({ schema: { type: 'string', contentMediaType: type } });

export const imageResponse = {
  description: 'The image’s bytes',
  content: { 'image/jpeg': image('image/jpeg'), 'image/png': image('image/png'), 'image/webp': image('image/webp') },
};
