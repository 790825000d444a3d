import { apiJson, type ApiBase } from '../../api-base';
import { authSession } from '../../auth/session';
import type { WindowFile } from './windows/window-files';

/** The master-data calls that are not CRUD, as methods of the console's data provider. */
export interface MasterDataMethods {
  /** 停用 / 启用 of a window, a member of staff or a service item: `POST /api/<resource>/<id>/disable|enable`. */
  setActive(resource: string, id: string, active: boolean): Promise<void>;
  /** A window's QR (PNG, SVG) or its printable poster, fetched with the user's token (plain links would be refused). */
  getWindowFile(hallCode: string, windowCode: string, file: WindowFile): Promise<Blob>;
}

export const masterDataMethods = (api: ApiBase): MasterDataMethods => ({
  async setActive(resource, id, active) {
    await apiJson(api, `/${resource}/${encodeURIComponent(id)}/${active ? 'enable' : 'disable'}`, { method: 'POST' });
  },
  async getWindowFile(hallCode, windowCode, file) {
    // Not through the JSON client: the answer is a file, read as a blob.
    const token = await authSession.token();
    const url = `${api.url}/windows/${encodeURIComponent(hallCode)}/${encodeURIComponent(windowCode)}/${file}`;
    const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      throw new Error(body.message ?? `下载失败（${response.status}）`);
    }
    return response.blob();
  },
});
