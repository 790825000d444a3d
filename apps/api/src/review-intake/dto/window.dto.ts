import { ApiProperty } from '@nestjs/swagger';
import { PhoneField } from './rating-fields';

class CodeName {
  @ApiProperty({ example: 'jintun' }) code!: string;
  @ApiProperty({ example: '金屯镇' }) name!: string;
}

export class WindowResponse {
  @ApiProperty({ type: CodeName }) hall!: CodeName;
  @ApiProperty({ type: CodeName }) window!: CodeName;
  @ApiProperty({ example: '0537-6851890' }) hotline!: string;
}

export class CaseLookupDto {
  @PhoneField('the phone given when the case was handled', true)
  phone!: string;
}

export class LookedUpCase {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'JX-2****0123' }) caseNumberMasked!: string;
  @ApiProperty({ example: '社会保障卡申领' }) serviceItemName!: string;
  @ApiProperty({ example: '2026-03-09T10:00:00+08:00' }) completedAt!: string;
  @ApiProperty({ enum: ['OFFLINE', 'ONLINE'] }) nature!: string;
}

export class CaseLookupResponse {
  @ApiProperty({ type: [LookedUpCase], description: 'empty: the page offers general feedback on the window' })
  cases!: LookedUpCase[];
}
