import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { isContactPhone } from '@haochaping/privacy';
import { Trim } from '../../common/trim.transform';
import { MAX_OPTION_CODES } from '../rules/review-rules';

// Field decorators shared by the rating bodies of every channel, so one field is spelled and checked once.

export const MAX_COMMENT_LENGTH = 500;
const CLIENT_KEY = /^[A-Za-z0-9_-]{8,64}$/;

/** A phone a citizen can be called back on (mobile, or fixed line with or without area code): the one rule of @haochaping/privacy. */
export const IsContactPhone = (message: string) =>
  ValidateBy({ name: 'isContactPhone', validator: { validate: (value: unknown) => typeof value === 'string' && isContactPhone(value) } }, { message });

export const ClientKeyField = () =>
  applyDecorators(
    ApiProperty({
      example: '0b7f6c1e-4a9c-4a63-9f0f-3c1d2b6e8a10',
      pattern: CLIENT_KEY.source,
      description: 'Chosen by the client once per rating and sent again on retry: a retried submission (the same body) returns the first review; another body under the same key is 409 CLIENT_KEY_REUSED.',
    }),
    Trim(),
    IsDefined({ message: '缺少提交标识（clientKey）' }),
    IsString({ message: '提交标识必须是文字' }),
    Matches(CLIENT_KEY, { message: '提交标识格式不正确（8 到 64 位字母、数字、-、_）' }),
  );

export const LevelField = () =>
  applyDecorators(
    ApiProperty({ minimum: 1, maximum: 5, example: 2, description: '5 非常满意 … 1 非常不满意；1、2 为差评' }),
    IsDefined({ message: '请选择评价等级' }),
    IsInt({ message: '评价等级必须是 1 到 5 之间的整数' }),
    IsIn([1, 2, 3, 4, 5], { message: '评价等级必须是 1 到 5 之间的整数' }),
  );

export const OptionCodesField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], example: ['B3'], description: 'second-level option codes of the current option set (差评原因)' }),
    IsOptional(),
    IsArray({ message: '评价原因必须是选项编码列表' }),
    ArrayMaxSize(MAX_OPTION_CODES, { message: `评价原因最多选择 ${MAX_OPTION_CODES} 项` }),
    ArrayUnique({ message: '评价原因不能重复选择' }),
    IsString({ each: true, message: '评价原因必须是选项编码' }),
    Matches(/^[A-Za-z0-9]{1,16}$/, { each: true, message: '评价原因编码格式不正确' }),
  );

export const CommentField = (required = false) =>
  applyDecorators(
    required ? ApiProperty({ maxLength: MAX_COMMENT_LENGTH, example: '排队时间太长' }) : ApiPropertyOptional({ maxLength: MAX_COMMENT_LENGTH, example: '排队时间太长' }),
    ...(required ? [IsDefined({ message: '请填写反馈内容' })] : [IsOptional()]),
    Trim(),
    IsString({ message: '评价内容必须是文字' }),
    MaxLength(MAX_COMMENT_LENGTH, { message: `评价内容不能超过 ${MAX_COMMENT_LENGTH} 字` }),
  );

/** A master-data code (hall, window, staff number, case number) named in a body. */
export const CodeField = (label: string, example: string, required: boolean) =>
  applyDecorators(
    required ? ApiProperty({ example, description: label }) : ApiPropertyOptional({ example, description: label }),
    Trim(),
    ...(required ? [IsDefined({ message: `请提供${label}` })] : [IsOptional()]),
    IsString({ message: `${label}必须是文字` }),
    MaxLength(64, { message: `${label}过长` }),
  );

export const PhoneField = (description: string, required: boolean) =>
  applyDecorators(
    required ? ApiProperty({ example: '13812345678', description }) : ApiPropertyOptional({ example: '13812345678', description }),
    Trim(),
    ...(required ? [IsDefined({ message: '请填写手机号码' })] : [IsOptional()]),
    IsString({ message: '电话号码必须是文字' }),
    MaxLength(32, { message: '电话号码过长' }),
    IsContactPhone('电话号码格式不正确：请填写手机号或固定电话（如 0537-6851890），只能包含数字、空格、-、括号和开头的 +86'),
  );

export const NameField = () =>
  applyDecorators(
    ApiPropertyOptional({ example: '张三' }),
    Trim(),
    IsOptional(),
    IsString({ message: '姓名必须是文字' }),
    MaxLength(50, { message: '姓名不能超过 50 字' }),
  );

/** A nested object (reviewer, contact), validated with its own class. */
export const NestedField = (type: () => new () => object, description: string) =>
  applyDecorators(
    // A lazy type must be a function named `type` for @nestjs/swagger to call it; `type` itself is anonymous, and
    // passed as it is it became an empty $ref (#/components/schemas/) that no client or fuzzer can build.
    ApiPropertyOptional({ type: () => type(), description }),
    IsOptional(),
    ValidateNested(),
    Type(type),
  );
