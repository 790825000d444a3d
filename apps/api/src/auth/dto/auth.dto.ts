import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export class LoginDto {
  @ApiProperty({ example: 'jintun-handler' })
  @Trim()
  @IsString({ message: '用户名必须是文字' })
  @IsNotEmpty({ message: '请填写用户名' })
  @MaxLength(64, { message: '用户名不能超过 64 个字符' })
  username!: string;

  /** Not trimmed: a password is what it is. */
  @ApiProperty({ example: 'Haochaping2026' })
  @IsString({ message: '密码必须是文字' })
  @IsNotEmpty({ message: '请填写密码' })
  @MaxLength(256, { message: '密码不能超过 256 个字符' })
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: '当前密码必须是文字' })
  @IsNotEmpty({ message: '请填写当前密码' })
  @MaxLength(256, { message: '密码不能超过 256 个字符' })
  currentPassword!: string;

  @ApiProperty({ description: 'at least 10 characters with letters and digits' })
  @IsString({ message: '新密码必须是文字' })
  @IsNotEmpty({ message: '请填写新密码' })
  @MaxLength(256, { message: '密码不能超过 256 个字符' })
  newPassword!: string;
}

export class AuthUserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'jintun-handler' }) username!: string;
  @ApiProperty({ example: '金屯镇经办人' }) displayName!: string;
  @ApiProperty({ enum: ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN'] }) role!: string;
  @ApiProperty({ type: [String], example: ['jintun'] }) hallCodes!: string[];
  @ApiProperty({ type: [String], example: [] }) departmentCodes!: string[];
  @ApiProperty({ description: 'true: every endpoint but me, change-password and logout answers 403 PASSWORD_CHANGE_REQUIRED' })
  mustChangePassword!: boolean;
}

export class LoginResponse {
  @ApiProperty({ description: 'compact JWT (HS256); send as `Authorization: Bearer <token>`' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ example: 900, description: 'seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ type: AuthUserResponse }) user!: AuthUserResponse;
}
