/** 评价记录: filled in by the reviews module. */
export default {};
