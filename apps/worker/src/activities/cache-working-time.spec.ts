import { WorkingTime } from '@haochaping/working-time';
import { cacheWorkingTime } from './rectification.activities';

describe('cacheWorkingTime', () => {
  const calendar = () => new WorkingTime();

  it('reads a hall once within the TTL, again after it, and each hall on its own', async () => {
    let clock = 0;
    const load = jest.fn((hallCode: string) => (hallCode === 'nowhere' ? Promise.reject(new Error('no hall')) : Promise.resolve(calendar())));
    const cached = cacheWorkingTime(load, 5_000, () => clock);
    const first = await cached('jintun');
    clock = 4_999;
    expect(await cached('jintun')).toBe(first);
    await cached('macun');
    expect(load.mock.calls.map(([hall]) => hall)).toEqual(['jintun', 'macun']);
    clock = 5_000;
    expect(await cached('jintun')).not.toBe(first);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('does not remember a failed read', async () => {
    const load = jest.fn(() => Promise.reject(new Error('database away')));
    const cached = cacheWorkingTime(load, 5_000, () => 0);
    await expect(cached('jintun')).rejects.toThrow('database away');
    await expect(cached('jintun')).rejects.toThrow('database away');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reads every time with a TTL of 0', () => {
    const load = jest.fn(() => Promise.resolve(calendar()));
    expect(cacheWorkingTime(load, 0)).toBe(load);
  });
});
