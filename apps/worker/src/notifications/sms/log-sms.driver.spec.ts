import { Logger } from '@nestjs/common';
import { LogSmsDriver } from './log-sms.driver';

describe('the log SMS driver (embedded default)', () => {
  it('logs what it would send with the number masked, and sends nothing', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      await new LogSmsDriver().send({ phone: '13812345678', text: '您的评价已整改完毕。', templateId: 'RESULT_TO_REVIEWER' });
      expect(log).toHaveBeenCalledTimes(1);
      const line = log.mock.calls[0][0] as string;
      expect(line).toBe('would send to 138****5678: 您的评价已整改完毕。 (template RESULT_TO_REVIEWER)');
      expect(line).not.toContain('13812345678');
    } finally {
      log.mockRestore();
    }
  });
});
