import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsInt, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const whole = (label: string, min: number, max: number) => [
  IsInt({ message: `${label}须为整数` }),
  Min(min, { message: `${label}不能小于 ${min}` }),
  Max(max, { message: `${label}不能大于 ${max}` }),
];
function Whole(label: string, min: number, max: number): PropertyDecorator {
  return (target, key) => whole(label, min, max).forEach((decorator) => decorator(target, key));
}

export class PraiseBurstConfigDto {
  @ApiProperty({ example: 5, minimum: 2, maximum: 100, description: 'level-5 ratings at one window or staff member that make a burst' })
  @Whole('集中好评条数', 2, 100)
  minReviews!: number;

  @ApiProperty({ example: 30, minimum: 1, maximum: 1440, description: '…within this many minutes' })
  @Whole('集中时间段（分钟）', 1, 1440)
  withinMinutes!: number;

  @ApiProperty({ example: 10, minimum: 1, maximum: 1440, description: 'counting only ratings given this many minutes after the case was completed, at most' })
  @Whole('办结后分钟数', 1, 1440)
  afterCompletionMinutes!: number;
}

export class OneSourceConfigDto {
  @ApiProperty({ example: 3, minimum: 2, maximum: 1000, description: 'different cases rated from one device or address in a day that make a flag' })
  @Whole('同一来源办件数', 2, 1000)
  minCases!: number;
}

export class HallNetworkDto {
  @ApiProperty({ example: 'jintun' })
  @IsString({ message: '大厅编码须为文字' })
  @MaxLength(64, { message: '大厅编码过长' })
  hallCode!: string;

  @ApiProperty({ type: [String], example: ['10.20.0.0/16'], description: 'the hall’s own networks (staff LAN, window terminals) as CIDRs' })
  @IsArray({ message: '内部网络须为列表' })
  @ArrayMaxSize(50, { message: '每个大厅最多 50 个网段' })
  @IsString({ each: true, message: '网段须为文字' })
  @Matches(/^[0-9A-Fa-f.:]+\/\d{1,3}$/, { each: true, message: '网段须为 CIDR 格式，如 10.20.0.0/16' })
  cidrs!: string[];
}

export class TooFastConfigDto {
  @ApiProperty({ example: 15, minimum: 1, maximum: 600, description: 'a rating this many seconds after completion, at most, is faster than a citizen rates' })
  @Whole('办结后秒数', 1, 600)
  maxSecondsAfterCompletion!: number;

  @ApiProperty({ example: 3, minimum: 1, maximum: 1000, description: 'such ratings at one window in a day that make a flag' })
  @Whole('过快评价条数', 1, 1000)
  minReviews!: number;
}

/** The 刷好评 rules' thresholds (app_setting `praise-integrity.rules`), all four at once. */
export class PraiseIntegritySettingsDto {
  @ApiProperty({ type: PraiseBurstConfigDto, description: '(a) bursts of 非常满意 at one window or staff member shortly after completion' })
  @IsDefined({ message: '请填写集中好评规则' })
  @ValidateNested()
  @Type(() => PraiseBurstConfigDto)
  burst!: PraiseBurstConfigDto;

  @ApiProperty({ type: OneSourceConfigDto, description: '(b) one device or address rating several cases' })
  @IsDefined({ message: '请填写同一来源规则' })
  @ValidateNested()
  @Type(() => OneSourceConfigDto)
  oneSource!: OneSourceConfigDto;

  @ApiProperty({ type: [HallNetworkDto], description: '(c) the halls’ own networks: case ratings from them are flagged' })
  @IsArray({ message: '大厅内部网络须为列表' })
  @ArrayMaxSize(500, { message: '大厅过多' })
  @ValidateNested({ each: true })
  @Type(() => HallNetworkDto)
  hallNetworks!: HallNetworkDto[];

  @ApiProperty({ type: TooFastConfigDto, description: '(d) ratings seconds after completion, more than a citizen manages' })
  @IsDefined({ message: '请填写过快评价规则' })
  @ValidateNested()
  @Type(() => TooFastConfigDto)
  tooFast!: TooFastConfigDto;
}

export class PraiseIntegritySettingsResponse extends PraiseIntegritySettingsDto {
  @ApiProperty({ type: String, nullable: true, description: 'who changed it last (a user id); null: the defaults' }) updatedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-07T06:30:00.000Z' }) updatedAt!: string | null;
}
