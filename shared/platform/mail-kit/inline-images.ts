/**
 * An image carried inside the mail (`Content-Disposition: inline`, `Content-ID`), shown by
 * `<img src="cid:…">`: the mail loads nothing from another server (no tracking by image, nothing
 * blocked by "load remote images?"), at the price of its bytes in every mail (SES bills them).
 */
export interface InlineImage {
  /** The part's Content-ID, without the angle brackets: `[a-z0-9.-]+@samverkan`. */
  contentId: string;
  fileName: string;
  contentType: 'image/png' | 'image/jpeg' | 'image/gif';
  content: Uint8Array;
}

/** The `src` of an `<img>` showing `image`. */
export const cidUrl = (image: Pick<InlineImage, 'contentId'>) => `cid:${image.contentId}`;

/** The SESv2 `Attachments` entry of an inline image. */
export const inlineAttachment = (image: InlineImage) => ({
  FileName: image.fileName,
  ContentType: image.contentType,
  ContentDisposition: 'INLINE' as const,
  ContentId: image.contentId,
  RawContent: image.content,
});
