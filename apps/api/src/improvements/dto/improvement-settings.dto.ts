import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export const MAX_THEMES = 20;
export const MAX_KEYWORDS = 20;

/** A theme of the free text: a label and the keywords whose presence in a comment marks it. */
export class RecurrenceThemeDto {
  @ApiProperty({ example: '排队等候时间长', description: 'the theme as the proposal names it; unique among the themes' })
  @Trim()
  @IsDefined({ message: '请填写主题名称' })
  @IsString({ message: '主题名称必须是文字' })
  @IsNotEmpty({ message: '请填写主题名称' })
  @MaxLength(30, { message: '主题名称不能超过 30 个字' })
  label!: string;

  @ApiProperty({ type: [String], example: ['排队', '等候'], description: `1–${MAX_KEYWORDS} keywords, matched as plain text in the comment (case-insensitive)` })
  @IsArray({ message: '关键词须为列表' })
  @ArrayMinSize(1, { message: '每个主题至少要有一个关键词' })
  @ArrayMaxSize(MAX_KEYWORDS, { message: `每个主题最多 ${MAX_KEYWORDS} 个关键词` })
  @IsString({ each: true, message: '关键词必须是文字' })
  @IsNotEmpty({ each: true, message: '关键词不能为空' })
  @MaxLength(20, { each: true, message: '关键词不能超过 20 个字' })
  keywords!: string[];
}

/** 优化清单's recurrence settings (app_setting `improvements.recurrence`). */
export class ImprovementSettingsDto {
  @ApiProperty({ minimum: 2, maximum: 1000, example: 3, description: 'bad reviews with the same reason (per hall and item) in the period that make a proposal' })
  @IsInt({ message: '重复出现次数须为整数' })
  @Min(2, { message: '重复出现次数不能小于 2' })
  @Max(1000, { message: '重复出现次数不能大于 1000' })
  minCount!: number;

  @ApiProperty({ minimum: 1, maximum: 366, example: 30, description: 'the period counted, in days back from now' })
  @IsInt({ message: '统计周期天数须为整数' })
  @Min(1, { message: '统计周期不能少于 1 天' })
  @Max(366, { message: '统计周期不能超过 366 天' })
  periodDays!: number;

  @ApiProperty({ type: [RecurrenceThemeDto], description: `0–${MAX_THEMES} free-text themes` })
  @IsArray({ message: '主题须为列表' })
  @ArrayMaxSize(MAX_THEMES, { message: `最多 ${MAX_THEMES} 个主题` })
  @ValidateNested({ each: true })
  @Type(() => RecurrenceThemeDto)
  themes!: RecurrenceThemeDto[];
}

export class ImprovementSettingsResponse extends ImprovementSettingsDto {
  @ApiProperty({ type: String, nullable: true, description: 'who changed it last (a user id; "migration": the default)' }) updatedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-07T06:30:00.000Z' }) updatedAt!: string | null;
}
