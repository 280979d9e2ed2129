import { afterAll, describe, expect, it } from 'vitest';
import { ProjectMetaSchema } from './meta';
import { createProject, openProject } from './index';
import { sampleMeta, sampleSections, temporaryFolder } from './testProject';

/** The « exercice » mode (issue 6): a training copy records it; files written before it still open. */
describe('project mode « exercice »', () => {
  const folder = temporaryFolder();
  afterAll(() => folder.remove());

  it('still reads metadata stored before the mode existed, or with the older modes', () => {
    const stamps = { createdAt: '2025-03-01T09:00:00.000Z', updatedAt: '2025-03-01T09:00:00.000Z' };
    const withoutMode: Partial<ReturnType<typeof sampleMeta>> = sampleMeta();
    delete withoutMode.mode;
    expect(ProjectMetaSchema.parse({ ...withoutMode, ...stamps }).mode).toBe('redaction');
    expect(ProjectMetaSchema.parse({ ...sampleMeta({ mode: 'relecture' }), ...stamps }).mode).toBe('relecture');
    expect(ProjectMetaSchema.safeParse({ ...sampleMeta(), mode: 'formation', ...stamps }).success).toBe(false);
  });

  it('opens a file created in « redaction » mode, switches it to « exercice » and reads it back after reopening', () => {
    const path = folder.file('exercice.pilier');
    const created = createProject(path, sampleMeta(), sampleSections());
    if (!created.ok) throw new Error(created.error);
    created.value.close();
    const reopened = openProject(path);
    if (!reopened.ok) throw new Error(reopened.error);
    expect(reopened.value.getMeta().mode).toBe('redaction');
    const updated = reopened.value.updateMeta({ mode: 'exercice' });
    expect(updated.ok && updated.value.mode).toBe('exercice');
    reopened.value.close();
    const again = openProject(path);
    if (!again.ok) throw new Error(again.error);
    expect(again.value.getMeta().mode).toBe('exercice');
    again.value.close();
  });
});
