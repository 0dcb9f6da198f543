/** Style packs: one `.quirepack` JSON file that carries a writing style between libraries. */
export {
  stylePackSchema,
  stylePackExtension,
  stylePackVersion,
  packFileSchema,
  packLoraSchema,
  type StylePack,
  type PackFile,
  type PackLora,
} from './format'
export { parseStylePack, serializeStylePack, type PackParseResult } from './parsePack'
export {
  planStylePackImport,
  stylePackPlanSchema,
  packEntrySource,
  type StylePackPlan,
  type PlannedFile,
  type PlanLibrary,
  type LoraStatus,
} from './planImport'
export {
  packExportRequestSchema,
  packExportResultSchema,
  packImportRequestSchema,
  packApplyRequestSchema,
  packApplyResultSchema,
  type PackExportRequest,
} from './packContract'
