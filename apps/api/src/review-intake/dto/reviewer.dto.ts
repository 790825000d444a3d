import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn } from 'class-validator';
import type { ReviewerKind } from '@haochaping/db';
import { NameField, PhoneField } from './rating-fields';

/** Who rates: anonymous, or real-name with a phone the hall can call back (实名差评必回访). */
export class ReviewerDto {
  @ApiProperty({ enum: ['ANONYMOUS', 'REAL_NAME'], example: 'REAL_NAME' })
  @IsDefined({ message: '请选择实名或匿名评价' })
  @IsIn(['ANONYMOUS', 'REAL_NAME'], { message: '评价人类型只能是 ANONYMOUS（匿名）或 REAL_NAME（实名）' })
  kind!: ReviewerKind;

  @NameField()
  name?: string;

  @PhoneField('Required when kind is REAL_NAME on the public form (PUBLIC_FORM); case-bound channels default to the case phone', false)
  phone?: string;
}

/** A contact a member of staff took down with a hotline call, a letter, an email … */
export class ContactDto {
  @NameField()
  name?: string;

  @PhoneField('with a phone the entry is real-name (the hall calls back)', false)
  phone?: string;
}
