import { parseManifestFile, type ManifestFile } from './manifestFile';

/** The text of an open document, as far as the model needs it. */
export interface VersionedText {
  uri: string;
  version: number;
  getText(): string;
}

/**
 * Parses each document version once and shares the result between validation, hover, completion
 * and code actions, which all ask about the same version in quick succession. A new version is parsed
 * from the last one, so an edit re-parses only the YAML documents it touched.
 */
export class ManifestCache {
  private readonly entries = new Map<string, { version: number; file: ManifestFile }>();

  get(document: VersionedText): ManifestFile {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.file;
    const file = parseManifestFile(document.getText(), cached?.file);
    this.entries.set(document.uri, { version: document.version, file });
    return file;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
