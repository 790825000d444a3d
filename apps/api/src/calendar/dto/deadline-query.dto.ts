import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDate, IsDefined, IsNumber, IsOptional, IsPositive, IsString, Max, MaxLength, ValidateIf, registerDecorator, type ValidationArguments } from 'class-validator';
import { ToDecimal, ToInstant } from '../../common/iso-instant';
import { Trim } from '../../common/trim.transform';

/** Longest clock the API computes: about four years of working days, far beyond any SLA. */
export const MAX_WORKING_AMOUNT = 1000;

/** Refuses the property when `other` is given too: exactly one of the two amounts may be asked for. */
function NotTogetherWith(other: string, message: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notTogetherWith',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message },
      validator: { validate: (_value: unknown, args: ValidationArguments) => (args.object as Record<string, unknown>)[other] === undefined },
    });
}

const amountMessages = (label: string) => ({
  number: { message: `${label}必须是正数` },
  max: { message: `${label}不能超过 ${MAX_WORKING_AMOUNT}` },
});

/** `GET /api/calendar/deadline`: when a clock of N working hours or days started at `from` runs out at a hall. */
export class DeadlineQueryDto {
  @ApiProperty({ example: 'jintun', description: '服务大厅编码' })
  @Trim()
  @IsDefined({ message: '请选择服务大厅（hallCode）' })
  @IsString({ message: '服务大厅编码必须是文字' })
  @MaxLength(64, { message: '服务大厅编码过长' })
  hallCode!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-03-06T16:30:00+08:00', description: 'ISO 8601 instant with offset (Z or ±HH:MM)' })
  @ToInstant()
  @IsDefined({ message: '请给出起算时间（from）' })
  @IsDate({ message: '起算时间必须是带时区的 ISO 8601 时间，例如 2026-03-06T16:30:00+08:00' })
  from!: Date;

  @ApiPropertyOptional({ example: 1, maximum: MAX_WORKING_AMOUNT, description: 'N working hours (N×60 office minutes); exactly one of workingHours and workingDays' })
  @ToDecimal()
  @ValidateIf((query: DeadlineQueryDto) => query.workingHours !== undefined || query.workingDays === undefined)
  @IsDefined({ message: '请给出工作小时数（workingHours）或工作日数（workingDays）' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, amountMessages('工作小时数').number)
  @IsPositive(amountMessages('工作小时数').number)
  @Max(MAX_WORKING_AMOUNT, amountMessages('工作小时数').max)
  workingHours?: number;

  @ApiPropertyOptional({ example: 3, maximum: MAX_WORKING_AMOUNT, description: "N working days (N × the hall's standard working day)" })
  @ToDecimal()
  @IsOptional()
  @NotTogetherWith('workingHours', '工作小时数（workingHours）与工作日数（workingDays）只能给出一个')
  @IsNumber({ allowNaN: false, allowInfinity: false }, amountMessages('工作日数').number)
  @IsPositive(amountMessages('工作日数').number)
  @Max(MAX_WORKING_AMOUNT, amountMessages('工作日数').max)
  workingDays?: number;
}
