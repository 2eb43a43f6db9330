// A zip archive of files held in memory (core), for what the web host hands over as one download
// instead of writing into a folder: a batch of reports, several bundles. Names keep their Chinese
// (yazl marks them UTF-8, which Windows' own zip reader honours).
import yazl from 'yazl';

export function zipFiles(files: readonly { name: string; data: Buffer }[], now: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const f of files) zip.addBuffer(f.data, f.name, { mtime: now });
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
