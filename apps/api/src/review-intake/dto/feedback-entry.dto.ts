import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn } from 'class-validator';
import { STAFF_ENTRY_CHANNELS, type StaffEntryChannel } from '../rules/review-rules';
import { ClientKeyField, CodeField, CommentField, LevelField, NestedField, OptionCodesField } from './rating-fields';
import { ContactDto } from './reviewer.dto';

/** 随时可评 feedback that staff enter from the fault window, the mailbox, the hotline, the supervision platform or email. */
export class FeedbackEntryDto {
  @ClientKeyField()
  clientKey!: string;

  @ApiProperty({ enum: STAFF_ENTRY_CHANNELS, example: 'HOTLINE' })
  @IsDefined({ message: '请选择反馈渠道' })
  @IsIn(STAFF_ENTRY_CHANNELS, { message: `反馈渠道只能是 ${STAFF_ENTRY_CHANNELS.join('、')}` })
  channel!: StaffEntryChannel;

  @CodeField('服务大厅编码', 'jintun', true)
  hallCode!: string;

  @CodeField('窗口编码', 'W01', false)
  windowCode?: string;

  @CodeField('工作人员工号', 'JX04011', false)
  staffEmployeeNumber?: string;

  @CodeField('办件编号', 'JX-2026-000123', false)
  caseNumber?: string;

  @LevelField()
  level!: number;

  @OptionCodesField()
  optionCodes?: string[];

  @CommentField(true)
  comment!: string;

  @NestedField(() => ContactDto, 'the person giving the feedback, when they left a name or phone')
  contact?: ContactDto;
}
