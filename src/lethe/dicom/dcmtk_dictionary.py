"""DCMTK 3.6.7's data dictionary, as loaded by Orthanc 1.10.1 (Debian's libdcmtk17).

Generated from DCMTK's ``dicom.dic`` and ``private.dic`` (Copyright (C) 1994-2020 OFFIS e.V.,
BSD-style licence, see DCMTK's COPYRIGHT file); do not edit by hand. White space inside
names is removed, as DCMTK does when it loads them. Orthanc names tags and decides the VR of
implicit-VR elements with this dictionary, which differs from pydicom's: retired keywords
carry a ``RETIRED_`` prefix, private tags have DCMTK's own keywords, and tags added to the
standard after 2022 are unknown.

The tables are kept as text and parsed on first use by :func:`tables`.
"""

from __future__ import annotations

from functools import cache

# (group_min, group_max, parity), (element_min, element_max, parity), VR, name; most specific
# first. Parity is "e" (even), "o" (odd) or "u" (any).
STANDARD_RANGES: tuple[tuple[tuple[int, int, str], tuple[int, int, str], str, str], ...] = (
    ((0x0001, 0x0007, 'o'), (0x0000, 0x0000, 'u'),
     'UL', 'IllegalGroupLength'),
    ((0x0020, 0x0020, 'u'), (0x3100, 0x31ff, 'e'),
     'CS', 'RETIRED_SourceImageIDs'),
    ((0x5000, 0x50ff, 'e'), (0x0005, 0x0005, 'u'),
     'US', 'RETIRED_CurveDimensions'),
    ((0x5000, 0x50ff, 'e'), (0x0010, 0x0010, 'u'),
     'US', 'RETIRED_NumberOfPoints'),
    ((0x5000, 0x50ff, 'e'), (0x0020, 0x0020, 'u'),
     'CS', 'RETIRED_TypeOfData'),
    ((0x5000, 0x50ff, 'e'), (0x0022, 0x0022, 'u'),
     'LO', 'RETIRED_CurveDescription'),
    ((0x5000, 0x50ff, 'e'), (0x0030, 0x0030, 'u'),
     'SH', 'RETIRED_AxisUnits'),
    ((0x5000, 0x50ff, 'e'), (0x0040, 0x0040, 'u'),
     'SH', 'RETIRED_AxisLabels'),
    ((0x5000, 0x50ff, 'e'), (0x0103, 0x0103, 'u'),
     'US', 'RETIRED_DataValueRepresentation'),
    ((0x5000, 0x50ff, 'e'), (0x0104, 0x0104, 'u'),
     'US', 'RETIRED_MinimumCoordinateValue'),
    ((0x5000, 0x50ff, 'e'), (0x0105, 0x0105, 'u'),
     'US', 'RETIRED_MaximumCoordinateValue'),
    ((0x5000, 0x50ff, 'e'), (0x0106, 0x0106, 'u'),
     'SH', 'RETIRED_CurveRange'),
    ((0x5000, 0x50ff, 'e'), (0x0110, 0x0110, 'u'),
     'US', 'RETIRED_CurveDataDescriptor'),
    ((0x5000, 0x50ff, 'e'), (0x0112, 0x0112, 'u'),
     'US', 'RETIRED_CoordinateStartValue'),
    ((0x5000, 0x50ff, 'e'), (0x0114, 0x0114, 'u'),
     'US', 'RETIRED_CoordinateStepValue'),
    ((0x5000, 0x50ff, 'e'), (0x1001, 0x1001, 'u'),
     'CS', 'RETIRED_CurveActivationLayer'),
    ((0x5000, 0x50ff, 'e'), (0x2000, 0x2000, 'u'),
     'US', 'RETIRED_AudioType'),
    ((0x5000, 0x50ff, 'e'), (0x2002, 0x2002, 'u'),
     'US', 'RETIRED_AudioSampleFormat'),
    ((0x5000, 0x50ff, 'e'), (0x2004, 0x2004, 'u'),
     'US', 'RETIRED_NumberOfChannels'),
    ((0x5000, 0x50ff, 'e'), (0x2006, 0x2006, 'u'),
     'UL', 'RETIRED_NumberOfSamples'),
    ((0x5000, 0x50ff, 'e'), (0x2008, 0x2008, 'u'),
     'UL', 'RETIRED_SampleRate'),
    ((0x5000, 0x50ff, 'e'), (0x200a, 0x200a, 'u'),
     'UL', 'RETIRED_TotalTime'),
    ((0x5000, 0x50ff, 'e'), (0x200c, 0x200c, 'u'),
     'ox', 'RETIRED_AudioSampleData'),
    ((0x5000, 0x50ff, 'e'), (0x200e, 0x200e, 'u'),
     'LT', 'RETIRED_AudioComments'),
    ((0x5000, 0x50ff, 'e'), (0x2500, 0x2500, 'u'),
     'LO', 'RETIRED_CurveLabel'),
    ((0x5000, 0x50ff, 'e'), (0x2600, 0x2600, 'u'),
     'SQ', 'RETIRED_CurveReferencedOverlaySequence'),
    ((0x5000, 0x50ff, 'e'), (0x2610, 0x2610, 'u'),
     'US', 'RETIRED_CurveReferencedOverlayGroup'),
    ((0x5000, 0x50ff, 'e'), (0x3000, 0x3000, 'u'),
     'ox', 'RETIRED_CurveData'),
    ((0x6000, 0x60ff, 'e'), (0x0010, 0x0010, 'u'),
     'US', 'OverlayRows'),
    ((0x6000, 0x60ff, 'e'), (0x0011, 0x0011, 'u'),
     'US', 'OverlayColumns'),
    ((0x6000, 0x60ff, 'e'), (0x0012, 0x0012, 'u'),
     'US', 'RETIRED_OverlayPlanes'),
    ((0x6000, 0x60ff, 'e'), (0x0015, 0x0015, 'u'),
     'IS', 'NumberOfFramesInOverlay'),
    ((0x6000, 0x60ff, 'e'), (0x0022, 0x0022, 'u'),
     'LO', 'OverlayDescription'),
    ((0x6000, 0x60ff, 'e'), (0x0040, 0x0040, 'u'),
     'CS', 'OverlayType'),
    ((0x6000, 0x60ff, 'e'), (0x0045, 0x0045, 'u'),
     'LO', 'OverlaySubtype'),
    ((0x6000, 0x60ff, 'e'), (0x0050, 0x0050, 'u'),
     'SS', 'OverlayOrigin'),
    ((0x6000, 0x60ff, 'e'), (0x0051, 0x0051, 'u'),
     'US', 'ImageFrameOrigin'),
    ((0x6000, 0x60ff, 'e'), (0x0052, 0x0052, 'u'),
     'US', 'RETIRED_OverlayPlaneOrigin'),
    ((0x6000, 0x60ff, 'e'), (0x0060, 0x0060, 'u'),
     'CS', 'RETIRED_OverlayCompressionCode'),
    ((0x6000, 0x60ff, 'e'), (0x0061, 0x0061, 'u'),
     'SH', 'RETIRED_OverlayCompressionOriginator'),
    ((0x6000, 0x60ff, 'e'), (0x0062, 0x0062, 'u'),
     'SH', 'RETIRED_OverlayCompressionLabel'),
    ((0x6000, 0x60ff, 'e'), (0x0063, 0x0063, 'u'),
     'CS', 'RETIRED_OverlayCompressionDescription'),
    ((0x6000, 0x60ff, 'e'), (0x0066, 0x0066, 'u'),
     'AT', 'RETIRED_OverlayCompressionStepPointers'),
    ((0x6000, 0x60ff, 'e'), (0x0068, 0x0068, 'u'),
     'US', 'RETIRED_OverlayRepeatInterval'),
    ((0x6000, 0x60ff, 'e'), (0x0069, 0x0069, 'u'),
     'US', 'RETIRED_OverlayBitsGrouped'),
    ((0x6000, 0x60ff, 'e'), (0x0100, 0x0100, 'u'),
     'US', 'OverlayBitsAllocated'),
    ((0x6000, 0x60ff, 'e'), (0x0102, 0x0102, 'u'),
     'US', 'OverlayBitPosition'),
    ((0x6000, 0x60ff, 'e'), (0x0110, 0x0110, 'u'),
     'CS', 'RETIRED_OverlayFormat'),
    ((0x6000, 0x60ff, 'e'), (0x0200, 0x0200, 'u'),
     'US', 'RETIRED_OverlayLocation'),
    ((0x6000, 0x60ff, 'e'), (0x0800, 0x0800, 'u'),
     'CS', 'RETIRED_OverlayCodeLabel'),
    ((0x6000, 0x60ff, 'e'), (0x0802, 0x0802, 'u'),
     'US', 'RETIRED_OverlayNumberOfTables'),
    ((0x6000, 0x60ff, 'e'), (0x0803, 0x0803, 'u'),
     'AT', 'RETIRED_OverlayCodeTableLocation'),
    ((0x6000, 0x60ff, 'e'), (0x0804, 0x0804, 'u'),
     'US', 'RETIRED_OverlayBitsForCodeWord'),
    ((0x6000, 0x60ff, 'e'), (0x1001, 0x1001, 'u'),
     'CS', 'OverlayActivationLayer'),
    ((0x6000, 0x60ff, 'e'), (0x1100, 0x1100, 'u'),
     'US', 'RETIRED_OverlayDescriptorGray'),
    ((0x6000, 0x60ff, 'e'), (0x1101, 0x1101, 'u'),
     'US', 'RETIRED_OverlayDescriptorRed'),
    ((0x6000, 0x60ff, 'e'), (0x1102, 0x1102, 'u'),
     'US', 'RETIRED_OverlayDescriptorGreen'),
    ((0x6000, 0x60ff, 'e'), (0x1103, 0x1103, 'u'),
     'US', 'RETIRED_OverlayDescriptorBlue'),
    ((0x6000, 0x60ff, 'e'), (0x1200, 0x1200, 'u'),
     'US', 'RETIRED_OverlaysGray'),
    ((0x6000, 0x60ff, 'e'), (0x1201, 0x1201, 'u'),
     'US', 'RETIRED_OverlaysRed'),
    ((0x6000, 0x60ff, 'e'), (0x1202, 0x1202, 'u'),
     'US', 'RETIRED_OverlaysGreen'),
    ((0x6000, 0x60ff, 'e'), (0x1203, 0x1203, 'u'),
     'US', 'RETIRED_OverlaysBlue'),
    ((0x6000, 0x60ff, 'e'), (0x1301, 0x1301, 'u'),
     'IS', 'ROIArea'),
    ((0x6000, 0x60ff, 'e'), (0x1302, 0x1302, 'u'),
     'DS', 'ROIMean'),
    ((0x6000, 0x60ff, 'e'), (0x1303, 0x1303, 'u'),
     'DS', 'ROIStandardDeviation'),
    ((0x6000, 0x60ff, 'e'), (0x1500, 0x1500, 'u'),
     'LO', 'OverlayLabel'),
    ((0x6000, 0x60ff, 'e'), (0x3000, 0x3000, 'u'),
     'ox', 'OverlayData'),
    ((0x6000, 0x60ff, 'e'), (0x4000, 0x4000, 'u'),
     'LT', 'RETIRED_OverlayComments'),
    ((0x7f00, 0x7fff, 'e'), (0x0010, 0x0010, 'u'),
     'ox', 'RETIRED_VariablePixelData'),
    ((0x7f00, 0x7fff, 'e'), (0x0011, 0x0011, 'u'),
     'US', 'RETIRED_VariableNextDataGroup'),
    ((0x7f00, 0x7fff, 'e'), (0x0020, 0x0020, 'u'),
     'OW', 'RETIRED_VariableCoefficientsSDVN'),
    ((0x7f00, 0x7fff, 'e'), (0x0030, 0x0030, 'u'),
     'OW', 'RETIRED_VariableCoefficientsSDHN'),
    ((0x7f00, 0x7fff, 'e'), (0x0040, 0x0040, 'u'),
     'OW', 'RETIRED_VariableCoefficientsSDDN'),
    ((0x0001, 0x0007, 'o'), (0x0010, 0x00ff, 'u'),
     'LO', 'IllegalPrivateCreator'),
    ((0x0009, 0xffff, 'o'), (0x0000, 0x0000, 'u'),
     'UL', 'PrivateGroupLength'),
    ((0x0000, 0xffff, 'u'), (0x0000, 0x0000, 'u'),
     'UL', 'GenericGroupLength'),
    ((0x0009, 0xffff, 'o'), (0x0010, 0x00ff, 'u'),
     'LO', 'PrivateCreator'),
)

# (group_min, group_max, parity), private creator, element, VR, name.
PRIVATE_RANGES: tuple[tuple[tuple[int, int, str], str, int, str, str], ...] = (
    ((0x7001, 0x70ff, 'o'), 'DLX_ANNOT_01', 0x0004, 'ST', 'TextAnnotation'),
    ((0x7001, 0x70ff, 'o'), 'DLX_ANNOT_01', 0x0005, 'IS', 'Box'),
    ((0x7001, 0x70ff, 'o'), 'DLX_ANNOT_01', 0x0007, 'IS', 'ArrowEnd'),
    ((0x6001, 0x60ff, 'o'), 'DLX_LKUP_01', 0x0001, 'US', 'GrayPaletteColorLookupTableDescriptor'),
    ((0x6001, 0x60ff, 'o'), 'DLX_LKUP_01', 0x0002, 'US', 'GrayPaletteColorLookupTableData'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0000, 'IS', 'OverlayID'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0001, 'LT', 'LinkedOverlays'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0010, 'US', 'OverlayRows'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0011, 'US', 'OverlayColumns'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0040, 'LO', 'OverlayType'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0050, 'US', 'OverlayOrigin'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0060, 'LO', 'Editable'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0070, 'LO', 'OverlayFont'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0072, 'LO', 'OverlayStyle'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0074, 'US', 'OverlayFontSize'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0076, 'LO', 'OverlayColor'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0078, 'US', 'ShadowSize'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0080, 'LO', 'FillPattern'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x0082, 'US', 'OverlayPenSize'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x00a0, 'LO', 'Label'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x00a2, 'LT', 'PostItText'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x00a4, 'US', 'AnchorPoint'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x00b0, 'LO', 'ROIType'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x00b2, 'LT', 'AttachedAnnotation'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x00ba, 'US', 'ContourPoints'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x00bc, 'US', 'MaskData'),
    ((0x6001, 0x60ff, 'o'), 'PAPYRUS 3.0', 0x00c0, 'SQ', 'UINOverlaySequence'),
)


@cache
def tables() -> tuple[dict[int, tuple[str, str]], dict[tuple[str, int], tuple[str, str]]]:
    """(standard, private): tag -> (VR, name), and (private creator, tag) -> (VR, name).

    A private tag's element is either its low byte (0x00ee: any block) or a full element
    number (>= 0x1000: that element only).
    """
    standard = {}
    for line in _STANDARD.splitlines():
        tag, vr, name = line.split("\t")
        standard[int(tag, 16)] = (vr, name)
    private = {}
    for line in _PRIVATE.splitlines():
        creator, tag, vr, name = line.split("\t")
        private[(creator, int(tag, 16))] = (vr, name)
    return standard, private


_STANDARD = """\
00000000	UL	CommandGroupLength
00000001	UL	RETIRED_CommandLengthToEnd
00000002	UI	AffectedSOPClassUID
00000003	UI	RequestedSOPClassUID
00000010	SH	RETIRED_CommandRecognitionCode
00000100	US	CommandField
00000110	US	MessageID
00000120	US	MessageIDBeingRespondedTo
00000200	AE	RETIRED_Initiator
00000300	AE	RETIRED_Receiver
00000400	AE	RETIRED_FindLocation
00000600	AE	MoveDestination
00000700	US	Priority
00000800	US	CommandDataSetType
00000850	US	RETIRED_NumberOfMatches
00000860	US	RETIRED_ResponseSequenceNumber
00000900	US	Status
00000901	AT	OffendingElement
00000902	LO	ErrorComment
00000903	US	ErrorID
00001000	UI	AffectedSOPInstanceUID
00001001	UI	RequestedSOPInstanceUID
00001002	US	EventTypeID
00001005	AT	AttributeIdentifierList
00001008	US	ActionTypeID
00001020	US	NumberOfRemainingSuboperations
00001021	US	NumberOfCompletedSuboperations
00001022	US	NumberOfFailedSuboperations
00001023	US	NumberOfWarningSuboperations
00001030	AE	MoveOriginatorApplicationEntityTitle
00001031	US	MoveOriginatorMessageID
00004000	LT	RETIRED_DialogReceiver
00004010	LT	RETIRED_TerminalType
00005010	SH	RETIRED_MessageSetID
00005020	SH	RETIRED_EndMessageID
00005110	LT	RETIRED_DisplayFormat
00005120	LT	RETIRED_PagePositionID
00005130	CS	RETIRED_TextFormatID
00005140	CS	RETIRED_NormalReverse
00005150	CS	RETIRED_AddGrayScale
00005160	CS	RETIRED_Borders
00005170	IS	RETIRED_Copies
00005180	CS	RETIRED_CommandMagnificationType
00005190	CS	RETIRED_Erase
000051a0	CS	RETIRED_Print
000051b0	US	RETIRED_Overlays
00020000	UL	FileMetaInformationGroupLength
00020001	OB	FileMetaInformationVersion
00020002	UI	MediaStorageSOPClassUID
00020003	UI	MediaStorageSOPInstanceUID
00020010	UI	TransferSyntaxUID
00020012	UI	ImplementationClassUID
00020013	SH	ImplementationVersionName
00020016	AE	SourceApplicationEntityTitle
00020017	AE	SendingApplicationEntityTitle
00020018	AE	ReceivingApplicationEntityTitle
00020026	UR	SourcePresentationAddress
00020027	UR	SendingPresentationAddress
00020028	UR	ReceivingPresentationAddress
00020031	OB	RTVMetaInformationVersion
00020032	UI	RTVCommunicationSOPClassUID
00020033	UI	RTVCommunicationSOPInstanceUID
00020035	OB	RTVSourceIdentifier
00020036	OB	RTVFlowIdentifier
00020037	UL	RTVFlowRTPSamplingRate
00020038	FD	RTVFlowActualFrameDuration
00020100	UI	PrivateInformationCreatorUID
00020102	OB	PrivateInformation
00041130	CS	FileSetID
00041141	CS	FileSetDescriptorFileID
00041142	CS	SpecificCharacterSetOfFileSetDescriptorFile
00041200	up	OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity
00041202	up	OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity
00041212	US	FileSetConsistencyFlag
00041220	SQ	DirectoryRecordSequence
00041400	up	OffsetOfTheNextDirectoryRecord
00041410	US	RecordInUseFlag
00041420	up	OffsetOfReferencedLowerLevelDirectoryEntity
00041430	CS	DirectoryRecordType
00041432	UI	PrivateRecordUID
00041500	CS	ReferencedFileID
00041504	up	RETIRED_MRDRDirectoryRecordOffset
00041510	UI	ReferencedSOPClassUIDInFile
00041511	UI	ReferencedSOPInstanceUIDInFile
00041512	UI	ReferencedTransferSyntaxUIDInFile
0004151a	UI	ReferencedRelatedGeneralSOPClassUIDInFile
00041600	UL	RETIRED_NumberOfReferences
00060001	SQ	CurrentFrameFunctionalGroupsSequence
00080001	UL	RETIRED_LengthToEnd
00080005	CS	SpecificCharacterSet
00080006	SQ	LanguageCodeSequence
00080008	CS	ImageType
00080010	SH	RETIRED_RecognitionCode
00080012	DA	InstanceCreationDate
00080013	TM	InstanceCreationTime
00080014	UI	InstanceCreatorUID
00080015	DT	InstanceCoercionDateTime
00080016	UI	SOPClassUID
00080017	UI	AcquisitionUID
00080018	UI	SOPInstanceUID
00080019	UI	PyramidUID
0008001a	UI	RelatedGeneralSOPClassUID
0008001b	UI	OriginalSpecializedSOPClassUID
00080020	DA	StudyDate
00080021	DA	SeriesDate
00080022	DA	AcquisitionDate
00080023	DA	ContentDate
00080024	DA	RETIRED_OverlayDate
00080025	DA	RETIRED_CurveDate
0008002a	DT	AcquisitionDateTime
00080030	TM	StudyTime
00080031	TM	SeriesTime
00080032	TM	AcquisitionTime
00080033	TM	ContentTime
00080034	TM	RETIRED_OverlayTime
00080035	TM	RETIRED_CurveTime
00080040	US	RETIRED_DataSetType
00080041	LO	RETIRED_DataSetSubtype
00080042	CS	RETIRED_NuclearMedicineSeriesType
00080050	SH	AccessionNumber
00080051	SQ	IssuerOfAccessionNumberSequence
00080052	CS	QueryRetrieveLevel
00080053	CS	QueryRetrieveView
00080054	AE	RetrieveAETitle
00080055	AE	StationAETitle
00080056	CS	InstanceAvailability
00080058	UI	FailedSOPInstanceUIDList
00080060	CS	Modality
00080061	CS	ModalitiesInStudy
00080062	UI	SOPClassesInStudy
00080063	SQ	AnatomicRegionsInStudyCodeSequence
00080064	CS	ConversionType
00080068	CS	PresentationIntentType
00080070	LO	Manufacturer
00080080	LO	InstitutionName
00080081	ST	InstitutionAddress
00080082	SQ	InstitutionCodeSequence
00080090	PN	ReferringPhysicianName
00080092	ST	ReferringPhysicianAddress
00080094	SH	ReferringPhysicianTelephoneNumbers
00080096	SQ	ReferringPhysicianIdentificationSequence
0008009c	PN	ConsultingPhysicianName
0008009d	SQ	ConsultingPhysicianIdentificationSequence
00080100	SH	CodeValue
00080101	LO	ExtendedCodeValue
00080102	SH	CodingSchemeDesignator
00080103	SH	CodingSchemeVersion
00080104	LO	CodeMeaning
00080105	CS	MappingResource
00080106	DT	ContextGroupVersion
00080107	DT	ContextGroupLocalVersion
00080108	LT	ExtendedCodeMeaning
00080109	SQ	CodingSchemeResourcesSequence
0008010a	CS	CodingSchemeURLType
0008010b	CS	ContextGroupExtensionFlag
0008010c	UI	CodingSchemeUID
0008010d	UI	ContextGroupExtensionCreatorUID
0008010e	UR	CodingSchemeURL
0008010f	CS	ContextIdentifier
00080110	SQ	CodingSchemeIdentificationSequence
00080112	LO	CodingSchemeRegistry
00080114	ST	CodingSchemeExternalID
00080115	ST	CodingSchemeName
00080116	ST	CodingSchemeResponsibleOrganization
00080117	UI	ContextUID
00080118	UI	MappingResourceUID
00080119	UC	LongCodeValue
00080120	UR	URNCodeValue
00080121	SQ	EquivalentCodeSequence
00080122	LO	MappingResourceName
00080123	SQ	ContextGroupIdentificationSequence
00080124	SQ	MappingResourceIdentificationSequence
00080201	SH	TimezoneOffsetFromUTC
00080220	SQ	ResponsibleGroupCodeSequence
00080221	CS	EquipmentModality
00080222	LO	ManufacturerRelatedModelGroup
00080300	SQ	PrivateDataElementCharacteristicsSequence
00080301	US	PrivateGroupReference
00080302	LO	PrivateCreatorReference
00080303	CS	BlockIdentifyingInformationStatus
00080304	US	NonidentifyingPrivateElements
00080305	SQ	DeidentificationActionSequence
00080306	US	IdentifyingPrivateElements
00080307	CS	DeidentificationAction
00080308	US	PrivateDataElement
00080309	UL	PrivateDataElementValueMultiplicity
0008030a	CS	PrivateDataElementValueRepresentation
0008030b	UL	PrivateDataElementNumberOfItems
0008030c	UC	PrivateDataElementName
0008030d	UC	PrivateDataElementKeyword
0008030e	UT	PrivateDataElementDescription
0008030f	UT	PrivateDataElementEncoding
00080310	SQ	PrivateDataElementDefinitionSequence
00081000	AE	RETIRED_NetworkID
00081010	SH	StationName
00081030	LO	StudyDescription
00081032	SQ	ProcedureCodeSequence
0008103e	LO	SeriesDescription
0008103f	SQ	SeriesDescriptionCodeSequence
00081040	LO	InstitutionalDepartmentName
00081041	SQ	InstitutionalDepartmentTypeCodeSequence
00081048	PN	PhysiciansOfRecord
00081049	SQ	PhysiciansOfRecordIdentificationSequence
00081050	PN	PerformingPhysicianName
00081052	SQ	PerformingPhysicianIdentificationSequence
00081060	PN	NameOfPhysiciansReadingStudy
00081062	SQ	PhysiciansReadingStudyIdentificationSequence
00081070	PN	OperatorsName
00081072	SQ	OperatorIdentificationSequence
00081080	LO	AdmittingDiagnosesDescription
00081084	SQ	AdmittingDiagnosesCodeSequence
00081088	LO	PyramidDescription
00081090	LO	ManufacturerModelName
00081100	SQ	RETIRED_ReferencedResultsSequence
00081110	SQ	ReferencedStudySequence
00081111	SQ	ReferencedPerformedProcedureStepSequence
00081115	SQ	ReferencedSeriesSequence
00081120	SQ	ReferencedPatientSequence
00081125	SQ	ReferencedVisitSequence
00081130	SQ	RETIRED_ReferencedOverlaySequence
00081134	SQ	ReferencedStereometricInstanceSequence
0008113a	SQ	ReferencedWaveformSequence
00081140	SQ	ReferencedImageSequence
00081145	SQ	RETIRED_ReferencedCurveSequence
0008114a	SQ	ReferencedInstanceSequence
0008114b	SQ	ReferencedRealWorldValueMappingInstanceSequence
00081150	UI	ReferencedSOPClassUID
00081155	UI	ReferencedSOPInstanceUID
00081156	SQ	DefinitionSourceSequence
0008115a	UI	SOPClassesSupported
00081160	IS	ReferencedFrameNumber
00081161	UL	SimpleFrameList
00081162	UL	CalculatedFrameList
00081163	FD	TimeRange
00081164	SQ	FrameExtractionSequence
00081167	UI	MultiFrameSourceSOPInstanceUID
00081190	UR	RetrieveURL
00081195	UI	TransactionUID
00081196	US	WarningReason
00081197	US	FailureReason
00081198	SQ	FailedSOPSequence
00081199	SQ	ReferencedSOPSequence
0008119a	SQ	OtherFailuresSequence
00081200	SQ	StudiesContainingOtherReferencedInstancesSequence
00081250	SQ	RelatedSeriesSequence
00082110	CS	RETIRED_LossyImageCompressionRetired
00082111	ST	DerivationDescription
00082112	SQ	SourceImageSequence
00082120	SH	StageName
00082122	IS	StageNumber
00082124	IS	NumberOfStages
00082127	SH	ViewName
00082128	IS	ViewNumber
00082129	IS	NumberOfEventTimers
0008212a	IS	NumberOfViewsInStage
00082130	DS	EventElapsedTimes
00082132	LO	EventTimerNames
00082133	SQ	EventTimerSequence
00082134	FD	EventTimeOffset
00082135	SQ	EventCodeSequence
00082142	IS	StartTrim
00082143	IS	StopTrim
00082144	IS	RecommendedDisplayFrameRate
00082200	CS	RETIRED_TransducerPosition
00082204	CS	RETIRED_TransducerOrientation
00082208	CS	RETIRED_AnatomicStructure
00082218	SQ	AnatomicRegionSequence
00082220	SQ	AnatomicRegionModifierSequence
00082228	SQ	PrimaryAnatomicStructureSequence
00082229	SQ	RETIRED_AnatomicStructureSpaceOrRegionSequence
00082230	SQ	PrimaryAnatomicStructureModifierSequence
00082240	SQ	RETIRED_TransducerPositionSequence
00082242	SQ	RETIRED_TransducerPositionModifierSequence
00082244	SQ	RETIRED_TransducerOrientationSequence
00082246	SQ	RETIRED_TransducerOrientationModifierSequence
00082251	SQ	RETIRED_AnatomicStructureSpaceOrRegionCodeSequenceTrial
00082253	SQ	RETIRED_AnatomicPortalOfEntranceCodeSequenceTrial
00082255	SQ	RETIRED_AnatomicApproachDirectionCodeSequenceTrial
00082256	ST	RETIRED_AnatomicPerspectiveDescriptionTrial
00082257	SQ	RETIRED_AnatomicPerspectiveCodeSequenceTrial
00082258	ST	RETIRED_AnatomicLocationOfExaminingInstrumentDescriptionTrial
00082259	SQ	RETIRED_AnatomicLocationOfExaminingInstrumentCodeSequenceTrial
0008225a	SQ	RETIRED_AnatomicStructureSpaceOrRegionModifierCodeSequenceTrial
0008225c	SQ	RETIRED_OnAxisBackgroundAnatomicStructureCodeSequenceTrial
00083001	SQ	AlternateRepresentationSequence
00083002	UI	AvailableTransferSyntaxUID
00083010	UI	IrradiationEventUID
00083011	SQ	SourceIrradiationEventSequence
00083012	UI	RadiopharmaceuticalAdministrationEventUID
00084000	LT	RETIRED_IdentifyingComments
00089007	CS	FrameType
00089092	SQ	ReferencedImageEvidenceSequence
00089121	SQ	ReferencedRawDataSequence
00089123	UI	CreatorVersionUID
00089124	SQ	DerivationImageSequence
00089154	SQ	SourceImageEvidenceSequence
00089205	CS	PixelPresentation
00089206	CS	VolumetricProperties
00089207	CS	VolumeBasedCalculationTechnique
00089208	CS	ComplexImageComponent
00089209	CS	AcquisitionContrast
00089215	SQ	DerivationCodeSequence
00089237	SQ	ReferencedPresentationStateSequence
00089410	SQ	ReferencedOtherPlaneSequence
00089458	SQ	FrameDisplaySequence
00089459	FL	RecommendedDisplayFrameRateInFloat
00089460	CS	SkipFrameRangeFlag
00100010	PN	PatientName
00100020	LO	PatientID
00100021	LO	IssuerOfPatientID
00100022	CS	TypeOfPatientID
00100024	SQ	IssuerOfPatientIDQualifiersSequence
00100026	SQ	SourcePatientGroupIdentificationSequence
00100027	SQ	GroupOfPatientsIdentificationSequence
00100028	US	SubjectRelativePositionInImage
00100030	DA	PatientBirthDate
00100032	TM	PatientBirthTime
00100033	LO	PatientBirthDateInAlternativeCalendar
00100034	LO	PatientDeathDateInAlternativeCalendar
00100035	CS	PatientAlternativeCalendar
00100040	CS	PatientSex
00100050	SQ	PatientInsurancePlanCodeSequence
00100101	SQ	PatientPrimaryLanguageCodeSequence
00100102	SQ	PatientPrimaryLanguageModifierCodeSequence
00100200	CS	QualityControlSubject
00100201	SQ	QualityControlSubjectTypeCodeSequence
00100212	UC	StrainDescription
00100213	LO	StrainNomenclature
00100214	LO	StrainStockNumber
00100215	SQ	StrainSourceRegistryCodeSequence
00100216	SQ	StrainStockSequence
00100217	LO	StrainSource
00100218	UT	StrainAdditionalInformation
00100219	SQ	StrainCodeSequence
00100221	SQ	GeneticModificationsSequence
00100222	UC	GeneticModificationsDescription
00100223	LO	GeneticModificationsNomenclature
00100229	SQ	GeneticModificationsCodeSequence
00101000	LO	RETIRED_OtherPatientIDs
00101001	PN	OtherPatientNames
00101002	SQ	OtherPatientIDsSequence
00101005	PN	PatientBirthName
00101010	AS	PatientAge
00101020	DS	PatientSize
00101021	SQ	PatientSizeCodeSequence
00101022	DS	PatientBodyMassIndex
00101023	DS	MeasuredAPDimension
00101024	DS	MeasuredLateralDimension
00101030	DS	PatientWeight
00101040	LO	PatientAddress
00101050	LO	RETIRED_InsurancePlanIdentification
00101060	PN	PatientMotherBirthName
00101080	LO	MilitaryRank
00101081	LO	BranchOfService
00101090	LO	RETIRED_MedicalRecordLocator
00101100	SQ	ReferencedPatientPhotoSequence
00102000	LO	MedicalAlerts
00102110	LO	Allergies
00102150	LO	CountryOfResidence
00102152	LO	RegionOfResidence
00102154	SH	PatientTelephoneNumbers
00102155	LT	PatientTelecomInformation
00102160	SH	EthnicGroup
00102180	SH	Occupation
001021a0	CS	SmokingStatus
001021b0	LT	AdditionalPatientHistory
001021c0	US	PregnancyStatus
001021d0	DA	LastMenstrualDate
001021f0	LO	PatientReligiousPreference
00102201	LO	PatientSpeciesDescription
00102202	SQ	PatientSpeciesCodeSequence
00102203	CS	PatientSexNeutered
00102210	CS	AnatomicalOrientationType
00102292	LO	PatientBreedDescription
00102293	SQ	PatientBreedCodeSequence
00102294	SQ	BreedRegistrationSequence
00102295	LO	BreedRegistrationNumber
00102296	SQ	BreedRegistryCodeSequence
00102297	PN	ResponsiblePerson
00102298	CS	ResponsiblePersonRole
00102299	LO	ResponsibleOrganization
00104000	LT	PatientComments
00109431	FL	ExaminedBodyThickness
00120010	LO	ClinicalTrialSponsorName
00120020	LO	ClinicalTrialProtocolID
00120021	LO	ClinicalTrialProtocolName
00120030	LO	ClinicalTrialSiteID
00120031	LO	ClinicalTrialSiteName
00120040	LO	ClinicalTrialSubjectID
00120042	LO	ClinicalTrialSubjectReadingID
00120050	LO	ClinicalTrialTimePointID
00120051	ST	ClinicalTrialTimePointDescription
00120052	FD	LongitudinalTemporalOffsetFromEvent
00120053	CS	LongitudinalTemporalEventType
00120060	LO	ClinicalTrialCoordinatingCenterName
00120062	CS	PatientIdentityRemoved
00120063	LO	DeidentificationMethod
00120064	SQ	DeidentificationMethodCodeSequence
00120071	LO	ClinicalTrialSeriesID
00120072	LO	ClinicalTrialSeriesDescription
00120081	LO	ClinicalTrialProtocolEthicsCommitteeName
00120082	LO	ClinicalTrialProtocolEthicsCommitteeApprovalNumber
00120083	SQ	ConsentForClinicalTrialUseSequence
00120084	CS	DistributionType
00120085	CS	ConsentForDistributionFlag
00120086	DA	EthicsCommitteeApprovalEffectivenessStartDate
00120087	DA	EthicsCommitteeApprovalEffectivenessEndDate
00140023	ST	RETIRED_CADFileFormat
00140024	ST	RETIRED_ComponentReferenceSystem
00140025	ST	ComponentManufacturingProcedure
00140028	ST	ComponentManufacturer
00140030	DS	MaterialThickness
00140032	DS	MaterialPipeDiameter
00140034	DS	MaterialIsolationDiameter
00140042	ST	MaterialGrade
00140044	ST	MaterialPropertiesDescription
00140045	ST	RETIRED_MaterialPropertiesFileFormatRetired
00140046	LT	MaterialNotes
00140050	CS	ComponentShape
00140052	CS	CurvatureType
00140054	DS	OuterDiameter
00140056	DS	InnerDiameter
00140100	LO	ComponentWelderIDs
00140101	CS	SecondaryApprovalStatus
00140102	DA	SecondaryReviewDate
00140103	TM	SecondaryReviewTime
00140104	PN	SecondaryReviewerName
00140105	ST	RepairID
00140106	SQ	MultipleComponentApprovalSequence
00140107	CS	OtherApprovalStatus
00140108	CS	OtherSecondaryApprovalStatus
00141010	ST	ActualEnvironmentalConditions
00141020	DA	ExpiryDate
00141040	ST	EnvironmentalConditions
00142002	SQ	EvaluatorSequence
00142004	IS	EvaluatorNumber
00142006	PN	EvaluatorName
00142008	IS	EvaluationAttempt
00142012	SQ	IndicationSequence
00142014	IS	IndicationNumber
00142016	SH	IndicationLabel
00142018	ST	IndicationDescription
0014201a	CS	IndicationType
0014201c	CS	IndicationDisposition
0014201e	SQ	IndicationROISequence
00142030	SQ	IndicationPhysicalPropertySequence
00142032	SH	PropertyLabel
00142202	IS	CoordinateSystemNumberOfAxes
00142204	SQ	CoordinateSystemAxesSequence
00142206	ST	CoordinateSystemAxisDescription
00142208	CS	CoordinateSystemDataSetMapping
0014220a	IS	CoordinateSystemAxisNumber
0014220c	CS	CoordinateSystemAxisType
0014220e	CS	CoordinateSystemAxisUnits
00142210	OB	CoordinateSystemAxisValues
00142220	SQ	CoordinateSystemTransformSequence
00142222	ST	TransformDescription
00142224	IS	TransformNumberOfAxes
00142226	IS	TransformOrderOfAxes
00142228	CS	TransformedAxisUnits
0014222a	DS	CoordinateSystemTransformRotationAndScaleMatrix
0014222c	DS	CoordinateSystemTransformTranslationMatrix
00143011	DS	InternalDetectorFrameTime
00143012	DS	NumberOfFramesIntegrated
00143020	SQ	DetectorTemperatureSequence
00143022	ST	SensorName
00143024	DS	HorizontalOffsetOfSensor
00143026	DS	VerticalOffsetOfSensor
00143028	DS	SensorTemperature
00143040	SQ	DarkCurrentSequence
00143050	ox	DarkCurrentCounts
00143060	SQ	GainCorrectionReferenceSequence
00143070	ox	AirCounts
00143071	DS	KVUsedInGainCalibration
00143072	DS	MAUsedInGainCalibration
00143073	DS	NumberOfFramesUsedForIntegration
00143074	LO	FilterMaterialUsedInGainCalibration
00143075	DS	FilterThicknessUsedInGainCalibration
00143076	DA	DateOfGainCalibration
00143077	TM	TimeOfGainCalibration
00143080	OB	BadPixelImage
00143099	LT	CalibrationNotes
00143100	LT	LinearityCorrectionTechnique
00143101	LT	BeamHardeningCorrectionTechnique
00144002	SQ	PulserEquipmentSequence
00144004	CS	PulserType
00144006	LT	PulserNotes
00144008	SQ	ReceiverEquipmentSequence
0014400a	CS	AmplifierType
0014400c	LT	ReceiverNotes
0014400e	SQ	PreAmplifierEquipmentSequence
0014400f	LT	PreAmplifierNotes
00144010	SQ	TransmitTransducerSequence
00144011	SQ	ReceiveTransducerSequence
00144012	US	NumberOfElements
00144013	CS	ElementShape
00144014	DS	ElementDimensionA
00144015	DS	ElementDimensionB
00144016	DS	ElementPitchA
00144017	DS	MeasuredBeamDimensionA
00144018	DS	MeasuredBeamDimensionB
00144019	DS	LocationOfMeasuredBeamDiameter
0014401a	DS	NominalFrequency
0014401b	DS	MeasuredCenterFrequency
0014401c	DS	MeasuredBandwidth
0014401d	DS	ElementPitchB
00144020	SQ	PulserSettingsSequence
00144022	DS	PulseWidth
00144024	DS	ExcitationFrequency
00144026	CS	ModulationType
00144028	DS	Damping
00144030	SQ	ReceiverSettingsSequence
00144031	DS	AcquiredSoundpathLength
00144032	CS	AcquisitionCompressionType
00144033	IS	AcquisitionSampleSize
00144034	DS	RectifierSmoothing
00144035	SQ	DACSequence
00144036	CS	DACType
00144038	DS	DACGainPoints
0014403a	DS	DACTimePoints
0014403c	DS	DACAmplitude
00144040	SQ	PreAmplifierSettingsSequence
00144050	SQ	TransmitTransducerSettingsSequence
00144051	SQ	ReceiveTransducerSettingsSequence
00144052	DS	IncidentAngle
00144054	ST	CouplingTechnique
00144056	ST	CouplingMedium
00144057	DS	CouplingVelocity
00144058	DS	ProbeCenterLocationX
00144059	DS	ProbeCenterLocationZ
0014405a	DS	SoundPathLength
0014405c	ST	DelayLawIdentifier
00144060	SQ	GateSettingsSequence
00144062	DS	GateThreshold
00144064	DS	VelocityOfSound
00144070	SQ	CalibrationSettingsSequence
00144072	ST	CalibrationProcedure
00144074	SH	ProcedureVersion
00144076	DA	ProcedureCreationDate
00144078	DA	ProcedureExpirationDate
0014407a	DA	ProcedureLastModifiedDate
0014407c	TM	CalibrationTime
0014407e	DA	CalibrationDate
00144080	SQ	ProbeDriveEquipmentSequence
00144081	CS	DriveType
00144082	LT	ProbeDriveNotes
00144083	SQ	DriveProbeSequence
00144084	DS	ProbeInductance
00144085	DS	ProbeResistance
00144086	SQ	ReceiveProbeSequence
00144087	SQ	ProbeDriveSettingsSequence
00144088	DS	BridgeResistors
00144089	DS	ProbeOrientationAngle
0014408b	DS	UserSelectedGainY
0014408c	DS	UserSelectedPhase
0014408d	DS	UserSelectedOffsetX
0014408e	DS	UserSelectedOffsetY
00144091	SQ	ChannelSettingsSequence
00144092	DS	ChannelThreshold
0014409a	SQ	ScannerSettingsSequence
0014409b	ST	ScanProcedure
0014409c	DS	TranslationRateX
0014409d	DS	TranslationRateY
0014409f	DS	ChannelOverlap
001440a0	LO	ImageQualityIndicatorType
001440a1	LO	ImageQualityIndicatorMaterial
001440a2	LO	ImageQualityIndicatorSize
00145002	IS	LINACEnergy
00145004	IS	LINACOutput
00145100	US	ActiveAperture
00145101	DS	TotalAperture
00145102	DS	ApertureElevation
00145103	DS	MainLobeAngle
00145104	DS	MainRoofAngle
00145105	CS	ConnectorType
00145106	SH	WedgeModelNumber
00145107	DS	WedgeAngleFloat
00145108	DS	WedgeRoofAngle
00145109	CS	WedgeElement1Position
0014510a	DS	WedgeMaterialVelocity
0014510b	SH	WedgeMaterial
0014510c	DS	WedgeOffsetZ
0014510d	DS	WedgeOriginOffsetX
0014510e	DS	WedgeTimeDelay
0014510f	SH	WedgeName
00145110	SH	WedgeManufacturerName
00145111	LO	WedgeDescription
00145112	DS	NominalBeamAngle
00145113	DS	WedgeOffsetX
00145114	DS	WedgeOffsetY
00145115	DS	WedgeTotalLength
00145116	DS	WedgeInContactLength
00145117	DS	WedgeFrontGap
00145118	DS	WedgeTotalHeight
00145119	DS	WedgeFrontHeight
0014511a	DS	WedgeRearHeight
0014511b	DS	WedgeTotalWidth
0014511c	DS	WedgeInContactWidth
0014511d	DS	WedgeChamferHeight
0014511e	CS	WedgeCurve
0014511f	DS	RadiusAlongWedge
00160001	DS	WhitePoint
00160002	DS	PrimaryChromaticities
00160003	UT	BatteryLevel
00160004	DS	ExposureTimeInSeconds
00160005	DS	FNumber
00160006	IS	OECFRows
00160007	IS	OECFColumns
00160008	UC	OECFColumnNames
00160009	DS	OECFValues
0016000a	IS	SpatialFrequencyResponseRows
0016000b	IS	SpatialFrequencyResponseColumns
0016000c	UC	SpatialFrequencyResponseColumnNames
0016000d	DS	SpatialFrequencyResponseValues
0016000e	IS	ColorFilterArrayPatternRows
0016000f	IS	ColorFilterArrayPatternColumns
00160010	DS	ColorFilterArrayPatternValues
00160011	US	FlashFiringStatus
00160012	US	FlashReturnStatus
00160013	US	FlashMode
00160014	US	FlashFunctionPresent
00160015	US	FlashRedEyeMode
00160016	US	ExposureProgram
00160017	UT	SpectralSensitivity
00160018	IS	PhotographicSensitivity
00160019	IS	SelfTimerMode
0016001a	US	SensitivityType
0016001b	IS	StandardOutputSensitivity
0016001c	IS	RecommendedExposureIndex
0016001d	IS	ISOSpeed
0016001e	IS	ISOSpeedLatitudeyyy
0016001f	IS	ISOSpeedLatitudezzz
00160020	UT	EXIFVersion
00160021	DS	ShutterSpeedValue
00160022	DS	ApertureValue
00160023	DS	BrightnessValue
00160024	DS	ExposureBiasValue
00160025	DS	MaxApertureValue
00160026	DS	SubjectDistance
00160027	US	MeteringMode
00160028	US	LightSource
00160029	DS	FocalLength
0016002a	IS	SubjectArea
0016002b	OB	MakerNote
00160030	DS	Temperature
00160031	DS	Humidity
00160032	DS	Pressure
00160033	DS	WaterDepth
00160034	DS	Acceleration
00160035	DS	CameraElevationAngle
00160036	DS	FlashEnergy
00160037	IS	SubjectLocation
00160038	DS	PhotographicExposureIndex
00160039	US	SensingMethod
0016003a	US	FileSource
0016003b	US	SceneType
00160041	US	CustomRendered
00160042	US	ExposureMode
00160043	US	WhiteBalance
00160044	DS	DigitalZoomRatio
00160045	IS	FocalLengthIn35mmFilm
00160046	US	SceneCaptureType
00160047	US	GainControl
00160048	US	Contrast
00160049	US	Saturation
0016004a	US	Sharpness
0016004b	OB	DeviceSettingDescription
0016004c	US	SubjectDistanceRange
0016004d	UT	CameraOwnerName
0016004e	DS	LensSpecification
0016004f	UT	LensMake
00160050	UT	LensModel
00160051	UT	LensSerialNumber
00160061	CS	InteroperabilityIndex
00160062	OB	InteroperabilityVersion
00160070	OB	GPSVersionID
00160071	CS	GPSLatitudeRef
00160072	DS	GPSLatitude
00160073	CS	GPSLongitudeRef
00160074	DS	GPSLongitude
00160075	US	GPSAltitudeRef
00160076	DS	GPSAltitude
00160077	DT	GPSTimeStamp
00160078	UT	GPSSatellites
00160079	CS	GPSStatus
0016007a	CS	GPSMeasureMode
0016007b	DS	GPSDOP
0016007c	CS	GPSSpeedRef
0016007d	DS	GPSSpeed
0016007e	CS	GPSTrackRef
0016007f	DS	GPSTrack
00160080	CS	GPSImgDirectionRef
00160081	DS	GPSImgDirection
00160082	UT	GPSMapDatum
00160083	CS	GPSDestLatitudeRef
00160084	DS	GPSDestLatitude
00160085	CS	GPSDestLongitudeRef
00160086	DS	GPSDestLongitude
00160087	CS	GPSDestBearingRef
00160088	DS	GPSDestBearing
00160089	CS	GPSDestDistanceRef
0016008a	DS	GPSDestDistance
0016008b	OB	GPSProcessingMethod
0016008c	OB	GPSAreaInformation
0016008d	DT	GPSDateStamp
0016008e	IS	GPSDifferential
00161001	CS	LightSourcePolarization
00161002	DS	EmitterColorTemperature
00161003	CS	ContactMethod
00161004	CS	ImmersionMedia
00161005	DS	OpticalMagnificationFactor
00180010	LO	ContrastBolusAgent
00180012	SQ	ContrastBolusAgentSequence
00180013	FL	ContrastBolusT1Relaxivity
00180014	SQ	ContrastBolusAdministrationRouteSequence
00180015	CS	BodyPartExamined
00180020	CS	ScanningSequence
00180021	CS	SequenceVariant
00180022	CS	ScanOptions
00180023	CS	MRAcquisitionType
00180024	SH	SequenceName
00180025	CS	AngioFlag
00180026	SQ	InterventionDrugInformationSequence
00180027	TM	InterventionDrugStopTime
00180028	DS	InterventionDrugDose
00180029	SQ	InterventionDrugCodeSequence
0018002a	SQ	AdditionalDrugSequence
00180030	LO	RETIRED_Radionuclide
00180031	LO	Radiopharmaceutical
00180032	DS	RETIRED_EnergyWindowCenterline
00180033	DS	RETIRED_EnergyWindowTotalWidth
00180034	LO	InterventionDrugName
00180035	TM	InterventionDrugStartTime
00180036	SQ	InterventionSequence
00180037	CS	RETIRED_TherapyType
00180038	CS	InterventionStatus
00180039	CS	RETIRED_TherapyDescription
0018003a	ST	InterventionDescription
00180040	IS	CineRate
00180042	CS	InitialCineRunState
00180050	DS	SliceThickness
00180060	DS	KVP
00180070	IS	CountsAccumulated
00180071	CS	AcquisitionTerminationCondition
00180072	DS	EffectiveDuration
00180073	CS	AcquisitionStartCondition
00180074	IS	AcquisitionStartConditionData
00180075	IS	AcquisitionTerminationConditionData
00180080	DS	RepetitionTime
00180081	DS	EchoTime
00180082	DS	InversionTime
00180083	DS	NumberOfAverages
00180084	DS	ImagingFrequency
00180085	SH	ImagedNucleus
00180086	IS	EchoNumbers
00180087	DS	MagneticFieldStrength
00180088	DS	SpacingBetweenSlices
00180089	IS	NumberOfPhaseEncodingSteps
00180090	DS	DataCollectionDiameter
00180091	IS	EchoTrainLength
00180093	DS	PercentSampling
00180094	DS	PercentPhaseFieldOfView
00180095	DS	PixelBandwidth
00181000	LO	DeviceSerialNumber
00181002	UI	DeviceUID
00181003	LO	DeviceID
00181004	LO	PlateID
00181005	LO	GeneratorID
00181006	LO	GridID
00181007	LO	CassetteID
00181008	LO	GantryID
00181009	UT	UniqueDeviceIdentifier
0018100a	SQ	UDISequence
0018100b	UI	ManufacturerDeviceClassUID
00181010	LO	SecondaryCaptureDeviceID
00181011	LO	RETIRED_HardcopyCreationDeviceID
00181012	DA	DateOfSecondaryCapture
00181014	TM	TimeOfSecondaryCapture
00181016	LO	SecondaryCaptureDeviceManufacturer
00181017	LO	RETIRED_HardcopyDeviceManufacturer
00181018	LO	SecondaryCaptureDeviceManufacturerModelName
00181019	LO	SecondaryCaptureDeviceSoftwareVersions
0018101a	LO	RETIRED_HardcopyDeviceSoftwareVersion
0018101b	LO	RETIRED_HardcopyDeviceManufacturerModelName
00181020	LO	SoftwareVersions
00181022	SH	VideoImageFormatAcquired
00181023	LO	DigitalImageFormatAcquired
00181030	LO	ProtocolName
00181040	LO	ContrastBolusRoute
00181041	DS	ContrastBolusVolume
00181042	TM	ContrastBolusStartTime
00181043	TM	ContrastBolusStopTime
00181044	DS	ContrastBolusTotalDose
00181045	IS	SyringeCounts
00181046	DS	ContrastFlowRate
00181047	DS	ContrastFlowDuration
00181048	CS	ContrastBolusIngredient
00181049	DS	ContrastBolusIngredientConcentration
00181050	DS	SpatialResolution
00181060	DS	TriggerTime
00181061	LO	TriggerSourceOrType
00181062	IS	NominalInterval
00181063	DS	FrameTime
00181064	LO	CardiacFramingType
00181065	DS	FrameTimeVector
00181066	DS	FrameDelay
00181067	DS	ImageTriggerDelay
00181068	DS	MultiplexGroupTimeOffset
00181069	DS	TriggerTimeOffset
0018106a	CS	SynchronizationTrigger
0018106c	US	SynchronizationChannel
0018106e	UL	TriggerSamplePosition
00181070	LO	RadiopharmaceuticalRoute
00181071	DS	RadiopharmaceuticalVolume
00181072	TM	RadiopharmaceuticalStartTime
00181073	TM	RadiopharmaceuticalStopTime
00181074	DS	RadionuclideTotalDose
00181075	DS	RadionuclideHalfLife
00181076	DS	RadionuclidePositronFraction
00181077	DS	RadiopharmaceuticalSpecificActivity
00181078	DT	RadiopharmaceuticalStartDateTime
00181079	DT	RadiopharmaceuticalStopDateTime
00181080	CS	BeatRejectionFlag
00181081	IS	LowRRValue
00181082	IS	HighRRValue
00181083	IS	IntervalsAcquired
00181084	IS	IntervalsRejected
00181085	LO	PVCRejection
00181086	IS	SkipBeats
00181088	IS	HeartRate
00181090	IS	CardiacNumberOfImages
00181094	IS	TriggerWindow
00181100	DS	ReconstructionDiameter
00181110	DS	DistanceSourceToDetector
00181111	DS	DistanceSourceToPatient
00181114	DS	EstimatedRadiographicMagnificationFactor
00181120	DS	GantryDetectorTilt
00181121	DS	GantryDetectorSlew
00181130	DS	TableHeight
00181131	DS	TableTraverse
00181134	CS	TableMotion
00181135	DS	TableVerticalIncrement
00181136	DS	TableLateralIncrement
00181137	DS	TableLongitudinalIncrement
00181138	DS	TableAngle
0018113a	CS	TableType
00181140	CS	RotationDirection
00181141	DS	RETIRED_AngularPosition
00181142	DS	RadialPosition
00181143	DS	ScanArc
00181144	DS	AngularStep
00181145	DS	CenterOfRotationOffset
00181146	DS	RETIRED_RotationOffset
00181147	CS	FieldOfViewShape
00181149	IS	FieldOfViewDimensions
00181150	IS	ExposureTime
00181151	IS	XRayTubeCurrent
00181152	IS	Exposure
00181153	IS	ExposureInuAs
00181154	DS	AveragePulseWidth
00181155	CS	RadiationSetting
00181156	CS	RectificationType
0018115a	CS	RadiationMode
0018115e	DS	ImageAndFluoroscopyAreaDoseProduct
00181160	SH	FilterType
00181161	LO	TypeOfFilters
00181162	DS	IntensifierSize
00181164	DS	ImagerPixelSpacing
00181166	CS	Grid
00181170	IS	GeneratorPower
00181180	SH	CollimatorGridName
00181181	CS	CollimatorType
00181182	IS	FocalDistance
00181183	DS	XFocusCenter
00181184	DS	YFocusCenter
00181190	DS	FocalSpots
00181191	CS	AnodeTargetMaterial
001811a0	DS	BodyPartThickness
001811a2	DS	CompressionForce
001811a3	DS	CompressionPressure
001811a4	LO	PaddleDescription
001811a5	DS	CompressionContactArea
001811b0	LO	AcquisitionMode
001811b1	LO	DoseModeName
001811b2	CS	AcquiredSubtractionMaskFlag
001811b3	CS	FluoroscopyPersistenceFlag
001811b4	CS	FluoroscopyLastImageHoldPersistenceFlag
001811b5	IS	UpperLimitNumberOfPersistentFluoroscopyFrames
001811b6	CS	ContrastBolusAutoInjectionTriggerFlag
001811b7	FD	ContrastBolusInjectionDelay
001811b8	SQ	XAAcquisitionPhaseDetailsSequence
001811b9	FD	XAAcquisitionFrameRate
001811ba	SQ	XAPlaneDetailsSequence
001811bb	LO	AcquisitionFieldOfViewLabel
001811bc	SQ	XRayFilterDetailsSequence
001811bd	FD	XAAcquisitionDuration
001811be	CS	ReconstructionPipelineType
001811bf	SQ	ImageFilterDetailsSequence
001811c0	CS	AppliedMaskSubtractionFlag
001811c1	SQ	RequestedSeriesDescriptionCodeSequence
00181200	DA	DateOfLastCalibration
00181201	TM	TimeOfLastCalibration
00181202	DT	DateTimeOfLastCalibration
00181203	DT	CalibrationDateTime
00181210	SH	ConvolutionKernel
00181240	IS	RETIRED_UpperLowerPixelValues
00181242	IS	ActualFrameDuration
00181243	IS	CountRate
00181244	US	PreferredPlaybackSequencing
00181250	SH	ReceiveCoilName
00181251	SH	TransmitCoilName
00181260	SH	PlateType
00181261	LO	PhosphorType
00181271	FD	WaterEquivalentDiameter
00181272	SQ	WaterEquivalentDiameterCalculationMethodCodeSequence
00181300	DS	ScanVelocity
00181301	CS	WholeBodyTechnique
00181302	IS	ScanLength
00181310	US	AcquisitionMatrix
00181312	CS	InPlanePhaseEncodingDirection
00181314	DS	FlipAngle
00181315	CS	VariableFlipAngleFlag
00181316	DS	SAR
00181318	DS	dBdt
00181320	FL	B1rms
00181400	LO	AcquisitionDeviceProcessingDescription
00181401	LO	AcquisitionDeviceProcessingCode
00181402	CS	CassetteOrientation
00181403	CS	CassetteSize
00181404	US	ExposuresOnPlate
00181405	IS	RelativeXRayExposure
00181411	DS	ExposureIndex
00181412	DS	TargetExposureIndex
00181413	DS	DeviationIndex
00181450	DS	ColumnAngulation
00181460	DS	TomoLayerHeight
00181470	DS	TomoAngle
00181480	DS	TomoTime
00181490	CS	TomoType
00181491	CS	TomoClass
00181495	IS	NumberOfTomosynthesisSourceImages
00181500	CS	PositionerMotion
00181508	CS	PositionerType
00181510	DS	PositionerPrimaryAngle
00181511	DS	PositionerSecondaryAngle
00181520	DS	PositionerPrimaryAngleIncrement
00181521	DS	PositionerSecondaryAngleIncrement
00181530	DS	DetectorPrimaryAngle
00181531	DS	DetectorSecondaryAngle
00181600	CS	ShutterShape
00181602	IS	ShutterLeftVerticalEdge
00181604	IS	ShutterRightVerticalEdge
00181606	IS	ShutterUpperHorizontalEdge
00181608	IS	ShutterLowerHorizontalEdge
00181610	IS	CenterOfCircularShutter
00181612	IS	RadiusOfCircularShutter
00181620	IS	VerticesOfThePolygonalShutter
00181622	US	ShutterPresentationValue
00181623	US	ShutterOverlayGroup
00181624	US	ShutterPresentationColorCIELabValue
00181630	CS	OutlineShapeType
00181631	FD	OutlineLeftVerticalEdge
00181632	FD	OutlineRightVerticalEdge
00181633	FD	OutlineUpperHorizontalEdge
00181634	FD	OutlineLowerHorizontalEdge
00181635	FD	CenterOfCircularOutline
00181636	FD	DiameterOfCircularOutline
00181637	UL	NumberOfPolygonalVertices
00181638	OF	VerticesOfThePolygonalOutline
00181700	CS	CollimatorShape
00181702	IS	CollimatorLeftVerticalEdge
00181704	IS	CollimatorRightVerticalEdge
00181706	IS	CollimatorUpperHorizontalEdge
00181708	IS	CollimatorLowerHorizontalEdge
00181710	IS	CenterOfCircularCollimator
00181712	IS	RadiusOfCircularCollimator
00181720	IS	VerticesOfThePolygonalCollimator
00181800	CS	AcquisitionTimeSynchronized
00181801	SH	TimeSource
00181802	CS	TimeDistributionProtocol
00181803	LO	NTPSourceAddress
00182001	IS	PageNumberVector
00182002	SH	FrameLabelVector
00182003	DS	FramePrimaryAngleVector
00182004	DS	FrameSecondaryAngleVector
00182005	DS	SliceLocationVector
00182006	SH	DisplayWindowLabelVector
00182010	DS	NominalScannedPixelSpacing
00182020	CS	DigitizingDeviceTransportDirection
00182030	DS	RotationOfScannedFilm
00182041	SQ	BiopsyTargetSequence
00182042	UI	TargetUID
00182043	FL	LocalizingCursorPosition
00182044	FL	CalculatedTargetPosition
00182045	SH	TargetLabel
00182046	FL	DisplayedZValue
00183100	CS	IVUSAcquisition
00183101	DS	IVUSPullbackRate
00183102	DS	IVUSGatedRate
00183103	IS	IVUSPullbackStartFrameNumber
00183104	IS	IVUSPullbackStopFrameNumber
00183105	IS	LesionNumber
00184000	LT	RETIRED_AcquisitionComments
00185000	SH	OutputPower
00185010	LO	TransducerData
00185011	SQ	TransducerIdentificationSequence
00185012	DS	FocusDepth
00185020	LO	ProcessingFunction
00185021	LO	RETIRED_PostprocessingFunction
00185022	DS	MechanicalIndex
00185024	DS	BoneThermalIndex
00185026	DS	CranialThermalIndex
00185027	DS	SoftTissueThermalIndex
00185028	DS	SoftTissueFocusThermalIndex
00185029	DS	SoftTissueSurfaceThermalIndex
00185030	DS	RETIRED_DynamicRange
00185040	DS	RETIRED_TotalGain
00185050	IS	DepthOfScanField
00185100	CS	PatientPosition
00185101	CS	ViewPosition
00185104	SQ	ProjectionEponymousNameCodeSequence
00185210	DS	RETIRED_ImageTransformationMatrix
00185212	DS	RETIRED_ImageTranslationVector
00186000	DS	Sensitivity
00186011	SQ	SequenceOfUltrasoundRegions
00186012	US	RegionSpatialFormat
00186014	US	RegionDataType
00186016	UL	RegionFlags
00186018	UL	RegionLocationMinX0
0018601a	UL	RegionLocationMinY0
0018601c	UL	RegionLocationMaxX1
0018601e	UL	RegionLocationMaxY1
00186020	SL	ReferencePixelX0
00186022	SL	ReferencePixelY0
00186024	US	PhysicalUnitsXDirection
00186026	US	PhysicalUnitsYDirection
00186028	FD	ReferencePixelPhysicalValueX
0018602a	FD	ReferencePixelPhysicalValueY
0018602c	FD	PhysicalDeltaX
0018602e	FD	PhysicalDeltaY
00186030	UL	TransducerFrequency
00186031	CS	TransducerType
00186032	UL	PulseRepetitionFrequency
00186034	FD	DopplerCorrectionAngle
00186036	FD	SteeringAngle
00186038	UL	RETIRED_DopplerSampleVolumeXPositionRetired
00186039	SL	DopplerSampleVolumeXPosition
0018603a	UL	RETIRED_DopplerSampleVolumeYPositionRetired
0018603b	SL	DopplerSampleVolumeYPosition
0018603c	UL	RETIRED_TMLinePositionX0Retired
0018603d	SL	TMLinePositionX0
0018603e	UL	RETIRED_TMLinePositionY0Retired
0018603f	SL	TMLinePositionY0
00186040	UL	RETIRED_TMLinePositionX1Retired
00186041	SL	TMLinePositionX1
00186042	UL	RETIRED_TMLinePositionY1Retired
00186043	SL	TMLinePositionY1
00186044	US	PixelComponentOrganization
00186046	UL	PixelComponentMask
00186048	UL	PixelComponentRangeStart
0018604a	UL	PixelComponentRangeStop
0018604c	US	PixelComponentPhysicalUnits
0018604e	US	PixelComponentDataType
00186050	UL	NumberOfTableBreakPoints
00186052	UL	TableOfXBreakPoints
00186054	FD	TableOfYBreakPoints
00186056	UL	NumberOfTableEntries
00186058	UL	TableOfPixelValues
0018605a	FL	TableOfParameterValues
00186060	FL	RWaveTimeVector
00186070	US	ActiveImageAreaOverlayGroup
00187000	CS	DetectorConditionsNominalFlag
00187001	DS	DetectorTemperature
00187004	CS	DetectorType
00187005	CS	DetectorConfiguration
00187006	LT	DetectorDescription
00187008	LT	DetectorMode
0018700a	SH	DetectorID
0018700c	DA	DateOfLastDetectorCalibration
0018700e	TM	TimeOfLastDetectorCalibration
00187010	IS	ExposuresOnDetectorSinceLastCalibration
00187011	IS	ExposuresOnDetectorSinceManufactured
00187012	DS	DetectorTimeSinceLastExposure
00187014	DS	DetectorActiveTime
00187016	DS	DetectorActivationOffsetFromExposure
0018701a	DS	DetectorBinning
00187020	DS	DetectorElementPhysicalSize
00187022	DS	DetectorElementSpacing
00187024	CS	DetectorActiveShape
00187026	DS	DetectorActiveDimensions
00187028	DS	DetectorActiveOrigin
0018702a	LO	DetectorManufacturerName
0018702b	LO	DetectorManufacturerModelName
00187030	DS	FieldOfViewOrigin
00187032	DS	FieldOfViewRotation
00187034	CS	FieldOfViewHorizontalFlip
00187036	FL	PixelDataAreaOriginRelativeToFOV
00187038	FL	PixelDataAreaRotationAngleRelativeToFOV
00187040	LT	GridAbsorbingMaterial
00187041	LT	GridSpacingMaterial
00187042	DS	GridThickness
00187044	DS	GridPitch
00187046	IS	GridAspectRatio
00187048	DS	GridPeriod
0018704c	DS	GridFocalDistance
00187050	CS	FilterMaterial
00187052	DS	FilterThicknessMinimum
00187054	DS	FilterThicknessMaximum
00187056	FL	FilterBeamPathLengthMinimum
00187058	FL	FilterBeamPathLengthMaximum
00187060	CS	ExposureControlMode
00187062	LT	ExposureControlModeDescription
00187064	CS	ExposureStatus
00187065	DS	PhototimerSetting
00188150	DS	ExposureTimeInuS
00188151	DS	XRayTubeCurrentInuA
00189004	CS	ContentQualification
00189005	SH	PulseSequenceName
00189006	SQ	MRImagingModifierSequence
00189008	CS	EchoPulseSequence
00189009	CS	InversionRecovery
00189010	CS	FlowCompensation
00189011	CS	MultipleSpinEcho
00189012	CS	MultiPlanarExcitation
00189014	CS	PhaseContrast
00189015	CS	TimeOfFlightContrast
00189016	CS	Spoiling
00189017	CS	SteadyStatePulseSequence
00189018	CS	EchoPlanarPulseSequence
00189019	FD	TagAngleFirstAxis
00189020	CS	MagnetizationTransfer
00189021	CS	T2Preparation
00189022	CS	BloodSignalNulling
00189024	CS	SaturationRecovery
00189025	CS	SpectrallySelectedSuppression
00189026	CS	SpectrallySelectedExcitation
00189027	CS	SpatialPresaturation
00189028	CS	Tagging
00189029	CS	OversamplingPhase
00189030	FD	TagSpacingFirstDimension
00189032	CS	GeometryOfKSpaceTraversal
00189033	CS	SegmentedKSpaceTraversal
00189034	CS	RectilinearPhaseEncodeReordering
00189035	FD	TagThickness
00189036	CS	PartialFourierDirection
00189037	CS	CardiacSynchronizationTechnique
00189041	LO	ReceiveCoilManufacturerName
00189042	SQ	MRReceiveCoilSequence
00189043	CS	ReceiveCoilType
00189044	CS	QuadratureReceiveCoil
00189045	SQ	MultiCoilDefinitionSequence
00189046	LO	MultiCoilConfiguration
00189047	SH	MultiCoilElementName
00189048	CS	MultiCoilElementUsed
00189049	SQ	MRTransmitCoilSequence
00189050	LO	TransmitCoilManufacturerName
00189051	CS	TransmitCoilType
00189052	FD	SpectralWidth
00189053	FD	ChemicalShiftReference
00189054	CS	VolumeLocalizationTechnique
00189058	US	MRAcquisitionFrequencyEncodingSteps
00189059	CS	Decoupling
00189060	CS	DecoupledNucleus
00189061	FD	DecouplingFrequency
00189062	CS	DecouplingMethod
00189063	FD	DecouplingChemicalShiftReference
00189064	CS	KSpaceFiltering
00189065	CS	TimeDomainFiltering
00189066	US	NumberOfZeroFills
00189067	CS	BaselineCorrection
00189069	FD	ParallelReductionFactorInPlane
00189070	FD	CardiacRRIntervalSpecified
00189073	FD	AcquisitionDuration
00189074	DT	FrameAcquisitionDateTime
00189075	CS	DiffusionDirectionality
00189076	SQ	DiffusionGradientDirectionSequence
00189077	CS	ParallelAcquisition
00189078	CS	ParallelAcquisitionTechnique
00189079	FD	InversionTimes
00189080	ST	MetaboliteMapDescription
00189081	CS	PartialFourier
00189082	FD	EffectiveEchoTime
00189083	SQ	MetaboliteMapCodeSequence
00189084	SQ	ChemicalShiftSequence
00189085	CS	CardiacSignalSource
00189087	FD	DiffusionBValue
00189089	FD	DiffusionGradientOrientation
00189090	FD	VelocityEncodingDirection
00189091	FD	VelocityEncodingMinimumValue
00189092	SQ	VelocityEncodingAcquisitionSequence
00189093	US	NumberOfKSpaceTrajectories
00189094	CS	CoverageOfKSpace
00189095	UL	SpectroscopyAcquisitionPhaseRows
00189096	FD	RETIRED_ParallelReductionFactorInPlaneRetired
00189098	FD	TransmitterFrequency
00189100	CS	ResonantNucleus
00189101	CS	FrequencyCorrection
00189103	SQ	MRSpectroscopyFOVGeometrySequence
00189104	FD	SlabThickness
00189105	FD	SlabOrientation
00189106	FD	MidSlabPosition
00189107	SQ	MRSpatialSaturationSequence
00189112	SQ	MRTimingAndRelatedParametersSequence
00189114	SQ	MREchoSequence
00189115	SQ	MRModifierSequence
00189117	SQ	MRDiffusionSequence
00189118	SQ	CardiacSynchronizationSequence
00189119	SQ	MRAveragesSequence
00189125	SQ	MRFOVGeometrySequence
00189126	SQ	VolumeLocalizationSequence
00189127	UL	SpectroscopyAcquisitionDataColumns
00189147	CS	DiffusionAnisotropyType
00189151	DT	FrameReferenceDateTime
00189152	SQ	MRMetaboliteMapSequence
00189155	FD	ParallelReductionFactorOutOfPlane
00189159	UL	SpectroscopyAcquisitionOutOfPlanePhaseSteps
00189166	CS	RETIRED_BulkMotionStatus
00189168	FD	ParallelReductionFactorSecondInPlane
00189169	CS	CardiacBeatRejectionTechnique
00189170	CS	RespiratoryMotionCompensationTechnique
00189171	CS	RespiratorySignalSource
00189172	CS	BulkMotionCompensationTechnique
00189173	CS	BulkMotionSignalSource
00189174	CS	ApplicableSafetyStandardAgency
00189175	LO	ApplicableSafetyStandardDescription
00189176	SQ	OperatingModeSequence
00189177	CS	OperatingModeType
00189178	CS	OperatingMode
00189179	CS	SpecificAbsorptionRateDefinition
00189180	CS	GradientOutputType
00189181	FD	SpecificAbsorptionRateValue
00189182	FD	GradientOutput
00189183	CS	FlowCompensationDirection
00189184	FD	TaggingDelay
00189185	ST	RespiratoryMotionCompensationTechniqueDescription
00189186	SH	RespiratorySignalSourceID
00189195	FD	RETIRED_ChemicalShiftMinimumIntegrationLimitInHz
00189196	FD	RETIRED_ChemicalShiftMaximumIntegrationLimitInHz
00189197	SQ	MRVelocityEncodingSequence
00189198	CS	FirstOrderPhaseCorrection
00189199	CS	WaterReferencedPhaseCorrection
00189200	CS	MRSpectroscopyAcquisitionType
00189214	CS	RespiratoryCyclePosition
00189217	FD	VelocityEncodingMaximumValue
00189218	FD	TagSpacingSecondDimension
00189219	SS	TagAngleSecondAxis
00189220	FD	FrameAcquisitionDuration
00189226	SQ	MRImageFrameTypeSequence
00189227	SQ	MRSpectroscopyFrameTypeSequence
00189231	US	MRAcquisitionPhaseEncodingStepsInPlane
00189232	US	MRAcquisitionPhaseEncodingStepsOutOfPlane
00189234	UL	SpectroscopyAcquisitionPhaseColumns
00189236	CS	CardiacCyclePosition
00189239	SQ	SpecificAbsorptionRateSequence
00189240	US	RFEchoTrainLength
00189241	US	GradientEchoTrainLength
00189250	CS	ArterialSpinLabelingContrast
00189251	SQ	MRArterialSpinLabelingSequence
00189252	LO	ASLTechniqueDescription
00189253	US	ASLSlabNumber
00189254	FD	ASLSlabThickness
00189255	FD	ASLSlabOrientation
00189256	FD	ASLMidSlabPosition
00189257	CS	ASLContext
00189258	UL	ASLPulseTrainDuration
00189259	CS	ASLCrusherFlag
0018925a	FD	ASLCrusherFlowLimit
0018925b	LO	ASLCrusherDescription
0018925c	CS	ASLBolusCutoffFlag
0018925d	SQ	ASLBolusCutoffTimingSequence
0018925e	LO	ASLBolusCutoffTechnique
0018925f	UL	ASLBolusCutoffDelayTime
00189260	SQ	ASLSlabSequence
00189295	FD	ChemicalShiftMinimumIntegrationLimitInppm
00189296	FD	ChemicalShiftMaximumIntegrationLimitInppm
00189297	CS	WaterReferenceAcquisition
00189298	IS	EchoPeakPosition
00189301	SQ	CTAcquisitionTypeSequence
00189302	CS	AcquisitionType
00189303	FD	TubeAngle
00189304	SQ	CTAcquisitionDetailsSequence
00189305	FD	RevolutionTime
00189306	FD	SingleCollimationWidth
00189307	FD	TotalCollimationWidth
00189308	SQ	CTTableDynamicsSequence
00189309	FD	TableSpeed
00189310	FD	TableFeedPerRotation
00189311	FD	SpiralPitchFactor
00189312	SQ	CTGeometrySequence
00189313	FD	DataCollectionCenterPatient
00189314	SQ	CTReconstructionSequence
00189315	CS	ReconstructionAlgorithm
00189316	CS	ConvolutionKernelGroup
00189317	FD	ReconstructionFieldOfView
00189318	FD	ReconstructionTargetCenterPatient
00189319	FD	ReconstructionAngle
00189320	SH	ImageFilter
00189321	SQ	CTExposureSequence
00189322	FD	ReconstructionPixelSpacing
00189323	CS	ExposureModulationType
00189324	FD	RETIRED_EstimatedDoseSaving
00189325	SQ	CTXRayDetailsSequence
00189326	SQ	CTPositionSequence
00189327	FD	TablePosition
00189328	FD	ExposureTimeInms
00189329	SQ	CTImageFrameTypeSequence
00189330	FD	XRayTubeCurrentInmA
00189332	FD	ExposureInmAs
00189333	CS	ConstantVolumeFlag
00189334	CS	FluoroscopyFlag
00189335	FD	DistanceSourceToDataCollectionCenter
00189337	US	ContrastBolusAgentNumber
00189338	SQ	ContrastBolusIngredientCodeSequence
00189340	SQ	ContrastAdministrationProfileSequence
00189341	SQ	ContrastBolusUsageSequence
00189342	CS	ContrastBolusAgentAdministered
00189343	CS	ContrastBolusAgentDetected
00189344	CS	ContrastBolusAgentPhase
00189345	FD	CTDIvol
00189346	SQ	CTDIPhantomTypeCodeSequence
00189351	FL	CalciumScoringMassFactorPatient
00189352	FL	CalciumScoringMassFactorDevice
00189353	FL	EnergyWeightingFactor
00189360	SQ	CTAdditionalXRaySourceSequence
00189361	CS	MultienergyCTAcquisition
00189362	SQ	MultienergyCTAcquisitionSequence
00189363	SQ	MultienergyCTProcessingSequence
00189364	SQ	MultienergyCTCharacteristicsSequence
00189365	SQ	MultienergyCTXRaySourceSequence
00189366	US	XRaySourceIndex
00189367	UC	XRaySourceID
00189368	CS	MultienergySourceTechnique
00189369	DT	SourceStartDateTime
0018936a	DT	SourceEndDateTime
0018936b	US	SwitchingPhaseNumber
0018936c	DS	SwitchingPhaseNominalDuration
0018936d	DS	SwitchingPhaseTransitionDuration
0018936e	DS	EffectiveBinEnergy
0018936f	SQ	MultienergyCTXRayDetectorSequence
00189370	US	XRayDetectorIndex
00189371	UC	XRayDetectorID
00189372	CS	MultienergyDetectorType
00189373	ST	XRayDetectorLabel
00189374	DS	NominalMaxEnergy
00189375	DS	NominalMinEnergy
00189376	US	ReferencedXRayDetectorIndex
00189377	US	ReferencedXRaySourceIndex
00189378	US	ReferencedPathIndex
00189379	SQ	MultienergyCTPathSequence
0018937a	US	MultienergyCTPathIndex
0018937b	UT	MultienergyAcquisitionDescription
0018937c	FD	MonoenergeticEnergyEquivalent
0018937d	SQ	MaterialCodeSequence
0018937e	CS	DecompositionMethod
0018937f	UT	DecompositionDescription
00189380	SQ	DecompositionAlgorithmIdentificationSequence
00189381	SQ	DecompositionMaterialSequence
00189382	SQ	MaterialAttenuationSequence
00189383	DS	PhotonEnergy
00189384	DS	XRayMassAttenuationCoefficient
00189401	SQ	ProjectionPixelCalibrationSequence
00189402	FL	DistanceSourceToIsocenter
00189403	FL	DistanceObjectToTableTop
00189404	FL	ObjectPixelSpacingInCenterOfBeam
00189405	SQ	PositionerPositionSequence
00189406	SQ	TablePositionSequence
00189407	SQ	CollimatorShapeSequence
00189410	CS	PlanesInAcquisition
00189412	SQ	XAXRFFrameCharacteristicsSequence
00189417	SQ	FrameAcquisitionSequence
00189420	CS	XRayReceptorType
00189423	LO	AcquisitionProtocolName
00189424	LT	AcquisitionProtocolDescription
00189425	CS	ContrastBolusIngredientOpaque
00189426	FL	DistanceReceptorPlaneToDetectorHousing
00189427	CS	IntensifierActiveShape
00189428	FL	IntensifierActiveDimensions
00189429	FL	PhysicalDetectorSize
00189430	FL	PositionOfIsocenterProjection
00189432	SQ	FieldOfViewSequence
00189433	LO	FieldOfViewDescription
00189434	SQ	ExposureControlSensingRegionsSequence
00189435	CS	ExposureControlSensingRegionShape
00189436	SS	ExposureControlSensingRegionLeftVerticalEdge
00189437	SS	ExposureControlSensingRegionRightVerticalEdge
00189438	SS	ExposureControlSensingRegionUpperHorizontalEdge
00189439	SS	ExposureControlSensingRegionLowerHorizontalEdge
00189440	SS	CenterOfCircularExposureControlSensingRegion
00189441	US	RadiusOfCircularExposureControlSensingRegion
00189442	SS	VerticesOfThePolygonalExposureControlSensingRegion
00189447	FL	ColumnAngulationPatient
00189449	FL	BeamAngle
00189451	SQ	FrameDetectorParametersSequence
00189452	FL	CalculatedAnatomyThickness
00189455	SQ	CalibrationSequence
00189456	SQ	ObjectThicknessSequence
00189457	CS	PlaneIdentification
00189461	FL	FieldOfViewDimensionsInFloat
00189462	SQ	IsocenterReferenceSystemSequence
00189463	FL	PositionerIsocenterPrimaryAngle
00189464	FL	PositionerIsocenterSecondaryAngle
00189465	FL	PositionerIsocenterDetectorRotationAngle
00189466	FL	TableXPositionToIsocenter
00189467	FL	TableYPositionToIsocenter
00189468	FL	TableZPositionToIsocenter
00189469	FL	TableHorizontalRotationAngle
00189470	FL	TableHeadTiltAngle
00189471	FL	TableCradleTiltAngle
00189472	SQ	FrameDisplayShutterSequence
00189473	FL	AcquiredImageAreaDoseProduct
00189474	CS	CArmPositionerTabletopRelationship
00189476	SQ	XRayGeometrySequence
00189477	SQ	IrradiationEventIdentificationSequence
00189504	SQ	XRay3DFrameTypeSequence
00189506	SQ	ContributingSourcesSequence
00189507	SQ	XRay3DAcquisitionSequence
00189508	FL	PrimaryPositionerScanArc
00189509	FL	SecondaryPositionerScanArc
00189510	FL	PrimaryPositionerScanStartAngle
00189511	FL	SecondaryPositionerScanStartAngle
00189514	FL	PrimaryPositionerIncrement
00189515	FL	SecondaryPositionerIncrement
00189516	DT	StartAcquisitionDateTime
00189517	DT	EndAcquisitionDateTime
00189518	SS	PrimaryPositionerIncrementSign
00189519	SS	SecondaryPositionerIncrementSign
00189524	LO	ApplicationName
00189525	LO	ApplicationVersion
00189526	LO	ApplicationManufacturer
00189527	CS	AlgorithmType
00189528	LO	AlgorithmDescription
00189530	SQ	XRay3DReconstructionSequence
00189531	LO	ReconstructionDescription
00189538	SQ	PerProjectionAcquisitionSequence
00189541	SQ	DetectorPositionSequence
00189542	SQ	XRayAcquisitionDoseSequence
00189543	FD	XRaySourceIsocenterPrimaryAngle
00189544	FD	XRaySourceIsocenterSecondaryAngle
00189545	FD	BreastSupportIsocenterPrimaryAngle
00189546	FD	BreastSupportIsocenterSecondaryAngle
00189547	FD	BreastSupportXPositionToIsocenter
00189548	FD	BreastSupportYPositionToIsocenter
00189549	FD	BreastSupportZPositionToIsocenter
00189550	FD	DetectorIsocenterPrimaryAngle
00189551	FD	DetectorIsocenterSecondaryAngle
00189552	FD	DetectorXPositionToIsocenter
00189553	FD	DetectorYPositionToIsocenter
00189554	FD	DetectorZPositionToIsocenter
00189555	SQ	XRayGridSequence
00189556	SQ	XRayFilterSequence
00189557	FD	DetectorActiveAreaTLHCPosition
00189558	FD	DetectorActiveAreaOrientation
00189559	CS	PositionerPrimaryAngleDirection
00189601	SQ	DiffusionBMatrixSequence
00189602	FD	DiffusionBValueXX
00189603	FD	DiffusionBValueXY
00189604	FD	DiffusionBValueXZ
00189605	FD	DiffusionBValueYY
00189606	FD	DiffusionBValueYZ
00189607	FD	DiffusionBValueZZ
00189621	SQ	FunctionalMRSequence
00189622	CS	FunctionalSettlingPhaseFramesPresent
00189623	DT	FunctionalSyncPulse
00189624	CS	SettlingPhaseFrame
00189701	DT	DecayCorrectionDateTime
00189715	FD	StartDensityThreshold
00189716	FD	StartRelativeDensityDifferenceThreshold
00189717	FD	StartCardiacTriggerCountThreshold
00189718	FD	StartRespiratoryTriggerCountThreshold
00189719	FD	TerminationCountsThreshold
00189720	FD	TerminationDensityThreshold
00189721	FD	TerminationRelativeDensityThreshold
00189722	FD	TerminationTimeThreshold
00189723	FD	TerminationCardiacTriggerCountThreshold
00189724	FD	TerminationRespiratoryTriggerCountThreshold
00189725	CS	DetectorGeometry
00189726	FD	TransverseDetectorSeparation
00189727	FD	AxialDetectorDimension
00189729	US	RadiopharmaceuticalAgentNumber
00189732	SQ	PETFrameAcquisitionSequence
00189733	SQ	PETDetectorMotionDetailsSequence
00189734	SQ	PETTableDynamicsSequence
00189735	SQ	PETPositionSequence
00189736	SQ	PETFrameCorrectionFactorsSequence
00189737	SQ	RadiopharmaceuticalUsageSequence
00189738	CS	AttenuationCorrectionSource
00189739	US	NumberOfIterations
00189740	US	NumberOfSubsets
00189749	SQ	PETReconstructionSequence
00189751	SQ	PETFrameTypeSequence
00189755	CS	TimeOfFlightInformationUsed
00189756	CS	ReconstructionType
00189758	CS	DecayCorrected
00189759	CS	AttenuationCorrected
00189760	CS	ScatterCorrected
00189761	CS	DeadTimeCorrected
00189762	CS	GantryMotionCorrected
00189763	CS	PatientMotionCorrected
00189764	CS	CountLossNormalizationCorrected
00189765	CS	RandomsCorrected
00189766	CS	NonUniformRadialSamplingCorrected
00189767	CS	SensitivityCalibrated
00189768	CS	DetectorNormalizationCorrection
00189769	CS	IterativeReconstructionMethod
00189770	CS	AttenuationCorrectionTemporalRelationship
00189771	SQ	PatientPhysiologicalStateSequence
00189772	SQ	PatientPhysiologicalStateCodeSequence
00189801	FD	DepthsOfFocus
00189803	SQ	ExcludedIntervalsSequence
00189804	DT	ExclusionStartDateTime
00189805	FD	ExclusionDuration
00189806	SQ	USImageDescriptionSequence
00189807	SQ	ImageDataTypeSequence
00189808	CS	DataType
00189809	SQ	TransducerScanPatternCodeSequence
0018980b	CS	AliasedDataType
0018980c	CS	PositionMeasuringDeviceUsed
0018980d	SQ	TransducerGeometryCodeSequence
0018980e	SQ	TransducerBeamSteeringCodeSequence
0018980f	SQ	TransducerApplicationCodeSequence
00189810	xs	ZeroVelocityPixelValue
00189900	LO	ReferenceLocationLabel
00189901	UT	ReferenceLocationDescription
00189902	SQ	ReferenceBasisCodeSequence
00189903	SQ	ReferenceGeometryCodeSequence
00189904	DS	OffsetDistance
00189905	CS	OffsetDirection
00189906	SQ	PotentialScheduledProtocolCodeSequence
00189907	SQ	PotentialRequestedProcedureCodeSequence
00189908	UC	PotentialReasonsForProcedure
00189909	SQ	PotentialReasonsForProcedureCodeSequence
0018990a	UC	PotentialDiagnosticTasks
0018990b	SQ	ContraindicationsCodeSequence
0018990c	SQ	ReferencedDefinedProtocolSequence
0018990d	SQ	ReferencedPerformedProtocolSequence
0018990e	SQ	PredecessorProtocolSequence
0018990f	UT	ProtocolPlanningInformation
00189910	UT	ProtocolDesignRationale
00189911	SQ	PatientSpecificationSequence
00189912	SQ	ModelSpecificationSequence
00189913	SQ	ParametersSpecificationSequence
00189914	SQ	InstructionSequence
00189915	US	InstructionIndex
00189916	LO	InstructionText
00189917	UT	InstructionDescription
00189918	CS	InstructionPerformedFlag
00189919	DT	InstructionPerformedDateTime
0018991a	UT	InstructionPerformanceComment
0018991b	SQ	PatientPositioningInstructionSequence
0018991c	SQ	PositioningMethodCodeSequence
0018991d	SQ	PositioningLandmarkSequence
0018991e	UI	TargetFrameOfReferenceUID
0018991f	SQ	AcquisitionProtocolElementSpecificationSequence
00189920	SQ	AcquisitionProtocolElementSequence
00189921	US	ProtocolElementNumber
00189922	LO	ProtocolElementName
00189923	UT	ProtocolElementCharacteristicsSummary
00189924	UT	ProtocolElementPurpose
00189930	CS	AcquisitionMotion
00189931	SQ	AcquisitionStartLocationSequence
00189932	SQ	AcquisitionEndLocationSequence
00189933	SQ	ReconstructionProtocolElementSpecificationSequence
00189934	SQ	ReconstructionProtocolElementSequence
00189935	SQ	StorageProtocolElementSpecificationSequence
00189936	SQ	StorageProtocolElementSequence
00189937	LO	RequestedSeriesDescription
00189938	US	SourceAcquisitionProtocolElementNumber
00189939	US	SourceAcquisitionBeamNumber
0018993a	US	SourceReconstructionProtocolElementNumber
0018993b	SQ	ReconstructionStartLocationSequence
0018993c	SQ	ReconstructionEndLocationSequence
0018993d	SQ	ReconstructionAlgorithmSequence
0018993e	SQ	ReconstructionTargetCenterLocationSequence
00189941	UT	ImageFilterDescription
00189942	FD	CTDIvolNotificationTrigger
00189943	FD	DLPNotificationTrigger
00189944	CS	AutoKVPSelectionType
00189945	FD	AutoKVPUpperBound
00189946	FD	AutoKVPLowerBound
00189947	CS	ProtocolDefinedPatientPosition
0018a001	SQ	ContributingEquipmentSequence
0018a002	DT	ContributionDateTime
0018a003	ST	ContributionDescription
0020000d	UI	StudyInstanceUID
0020000e	UI	SeriesInstanceUID
00200010	SH	StudyID
00200011	IS	SeriesNumber
00200012	IS	AcquisitionNumber
00200013	IS	InstanceNumber
00200014	IS	RETIRED_IsotopeNumber
00200015	IS	RETIRED_PhaseNumber
00200016	IS	RETIRED_IntervalNumber
00200017	IS	RETIRED_TimeSlotNumber
00200018	IS	RETIRED_AngleNumber
00200019	IS	ItemNumber
00200020	CS	PatientOrientation
00200022	IS	RETIRED_OverlayNumber
00200024	IS	RETIRED_CurveNumber
00200026	IS	RETIRED_LUTNumber
00200027	LO	PyramidLabel
00200030	DS	RETIRED_ImagePosition
00200032	DS	ImagePositionPatient
00200035	DS	RETIRED_ImageOrientation
00200037	DS	ImageOrientationPatient
00200050	DS	RETIRED_Location
00200052	UI	FrameOfReferenceUID
00200060	CS	Laterality
00200062	CS	ImageLaterality
00200070	LO	RETIRED_ImageGeometryType
00200080	CS	RETIRED_MaskingImage
002000aa	IS	RETIRED_ReportNumber
00200100	IS	TemporalPositionIdentifier
00200105	IS	NumberOfTemporalPositions
00200110	DS	TemporalResolution
00200200	UI	SynchronizationFrameOfReferenceUID
00200242	UI	SOPInstanceUIDOfConcatenationSource
00201000	IS	RETIRED_SeriesInStudy
00201001	IS	RETIRED_AcquisitionsInSeries
00201002	IS	ImagesInAcquisition
00201003	IS	RETIRED_ImagesInSeries
00201004	IS	RETIRED_AcquisitionsInStudy
00201005	IS	RETIRED_ImagesInStudy
00201020	LO	RETIRED_Reference
0020103f	LO	TargetPositionReferenceIndicator
00201040	LO	PositionReferenceIndicator
00201041	DS	SliceLocation
00201070	IS	RETIRED_OtherStudyNumbers
00201200	IS	NumberOfPatientRelatedStudies
00201202	IS	NumberOfPatientRelatedSeries
00201204	IS	NumberOfPatientRelatedInstances
00201206	IS	NumberOfStudyRelatedSeries
00201208	IS	NumberOfStudyRelatedInstances
00201209	IS	NumberOfSeriesRelatedInstances
00203401	CS	RETIRED_ModifyingDeviceID
00203402	CS	RETIRED_ModifiedImageID
00203403	DA	RETIRED_ModifiedImageDate
00203404	LO	RETIRED_ModifyingDeviceManufacturer
00203405	TM	RETIRED_ModifiedImageTime
00203406	LO	RETIRED_ModifiedImageDescription
00204000	LT	ImageComments
00205000	AT	RETIRED_OriginalImageIdentification
00205002	LO	RETIRED_OriginalImageIdentificationNomenclature
00209056	SH	StackID
00209057	UL	InStackPositionNumber
00209071	SQ	FrameAnatomySequence
00209072	CS	FrameLaterality
00209111	SQ	FrameContentSequence
00209113	SQ	PlanePositionSequence
00209116	SQ	PlaneOrientationSequence
00209128	UL	TemporalPositionIndex
00209153	FD	NominalCardiacTriggerDelayTime
00209154	FL	NominalCardiacTriggerTimePriorToRPeak
00209155	FL	ActualCardiacTriggerTimePriorToRPeak
00209156	US	FrameAcquisitionNumber
00209157	UL	DimensionIndexValues
00209158	LT	FrameComments
00209161	UI	ConcatenationUID
00209162	US	InConcatenationNumber
00209163	US	InConcatenationTotalNumber
00209164	UI	DimensionOrganizationUID
00209165	AT	DimensionIndexPointer
00209167	AT	FunctionalGroupPointer
00209170	SQ	UnassignedSharedConvertedAttributesSequence
00209171	SQ	UnassignedPerFrameConvertedAttributesSequence
00209172	SQ	ConversionSourceAttributesSequence
00209213	LO	DimensionIndexPrivateCreator
00209221	SQ	DimensionOrganizationSequence
00209222	SQ	DimensionIndexSequence
00209228	UL	ConcatenationFrameOffsetNumber
00209238	LO	FunctionalGroupPrivateCreator
00209241	FL	NominalPercentageOfCardiacPhase
00209245	FL	NominalPercentageOfRespiratoryPhase
00209246	FL	StartingRespiratoryAmplitude
00209247	CS	StartingRespiratoryPhase
00209248	FL	EndingRespiratoryAmplitude
00209249	CS	EndingRespiratoryPhase
00209250	CS	RespiratoryTriggerType
00209251	FD	RRIntervalTimeNominal
00209252	FD	ActualCardiacTriggerDelayTime
00209253	SQ	RespiratorySynchronizationSequence
00209254	FD	RespiratoryIntervalTime
00209255	FD	NominalRespiratoryTriggerDelayTime
00209256	FD	RespiratoryTriggerDelayThreshold
00209257	FD	ActualRespiratoryTriggerDelayTime
00209301	FD	ImagePositionVolume
00209302	FD	ImageOrientationVolume
00209307	CS	UltrasoundAcquisitionGeometry
00209308	FD	ApexPosition
00209309	FD	VolumeToTransducerMappingMatrix
0020930a	FD	VolumeToTableMappingMatrix
0020930b	CS	VolumeToTransducerRelationship
0020930c	CS	PatientFrameOfReferenceSource
0020930d	FD	TemporalPositionTimeOffset
0020930e	SQ	PlanePositionVolumeSequence
0020930f	SQ	PlaneOrientationVolumeSequence
00209310	SQ	TemporalPositionSequence
00209311	CS	DimensionOrganizationType
00209312	UI	VolumeFrameOfReferenceUID
00209313	UI	TableFrameOfReferenceUID
00209421	LO	DimensionDescriptionLabel
00209450	SQ	PatientOrientationInFrameSequence
00209453	LO	FrameLabel
00209518	US	AcquisitionIndex
00209529	SQ	ContributingSOPInstancesReferenceSequence
00209536	US	ReconstructionIndex
00220001	US	LightPathFilterPassThroughWavelength
00220002	US	LightPathFilterPassBand
00220003	US	ImagePathFilterPassThroughWavelength
00220004	US	ImagePathFilterPassBand
00220005	CS	PatientEyeMovementCommanded
00220006	SQ	PatientEyeMovementCommandCodeSequence
00220007	FL	SphericalLensPower
00220008	FL	CylinderLensPower
00220009	FL	CylinderAxis
0022000a	FL	EmmetropicMagnification
0022000b	FL	IntraOcularPressure
0022000c	FL	HorizontalFieldOfView
0022000d	CS	PupilDilated
0022000e	FL	DegreeOfDilation
00220010	FL	StereoBaselineAngle
00220011	FL	StereoBaselineDisplacement
00220012	FL	StereoHorizontalPixelOffset
00220013	FL	StereoVerticalPixelOffset
00220014	FL	StereoRotation
00220015	SQ	AcquisitionDeviceTypeCodeSequence
00220016	SQ	IlluminationTypeCodeSequence
00220017	SQ	LightPathFilterTypeStackCodeSequence
00220018	SQ	ImagePathFilterTypeStackCodeSequence
00220019	SQ	LensesCodeSequence
0022001a	SQ	ChannelDescriptionCodeSequence
0022001b	SQ	RefractiveStateSequence
0022001c	SQ	MydriaticAgentCodeSequence
0022001d	SQ	RelativeImagePositionCodeSequence
0022001e	FL	CameraAngleOfView
00220020	SQ	StereoPairsSequence
00220021	SQ	LeftImageSequence
00220022	SQ	RightImageSequence
00220028	CS	StereoPairsPresent
00220030	FL	AxialLengthOfTheEye
00220031	SQ	OphthalmicFrameLocationSequence
00220032	FL	ReferenceCoordinates
00220035	FL	DepthSpatialResolution
00220036	FL	MaximumDepthDistortion
00220037	FL	AlongScanSpatialResolution
00220038	FL	MaximumAlongScanDistortion
00220039	CS	OphthalmicImageOrientation
00220041	FL	DepthOfTransverseImage
00220042	SQ	MydriaticAgentConcentrationUnitsSequence
00220048	FL	AcrossScanSpatialResolution
00220049	FL	MaximumAcrossScanDistortion
0022004e	DS	MydriaticAgentConcentration
00220055	FL	IlluminationWaveLength
00220056	FL	IlluminationPower
00220057	FL	IlluminationBandwidth
00220058	SQ	MydriaticAgentSequence
00221007	SQ	OphthalmicAxialMeasurementsRightEyeSequence
00221008	SQ	OphthalmicAxialMeasurementsLeftEyeSequence
00221009	CS	OphthalmicAxialMeasurementsDeviceType
00221010	CS	OphthalmicAxialLengthMeasurementsType
00221012	SQ	OphthalmicAxialLengthSequence
00221019	FL	OphthalmicAxialLength
00221024	SQ	LensStatusCodeSequence
00221025	SQ	VitreousStatusCodeSequence
00221028	SQ	IOLFormulaCodeSequence
00221029	LO	IOLFormulaDetail
00221033	FL	KeratometerIndex
00221035	SQ	SourceOfOphthalmicAxialLengthCodeSequence
00221036	SQ	SourceOfCornealSizeDataCodeSequence
00221037	FL	TargetRefraction
00221039	CS	RefractiveProcedureOccurred
00221040	SQ	RefractiveSurgeryTypeCodeSequence
00221044	SQ	OphthalmicUltrasoundMethodCodeSequence
00221045	SQ	SurgicallyInducedAstigmatismSequence
00221046	CS	TypeOfOpticalCorrection
00221047	SQ	ToricIOLPowerSequence
00221048	SQ	PredictedToricErrorSequence
00221049	CS	PreSelectedForImplantation
0022104a	SQ	ToricIOLPowerForExactEmmetropiaSequence
0022104b	SQ	ToricIOLPowerForExactTargetRefractionSequence
00221050	SQ	OphthalmicAxialLengthMeasurementsSequence
00221053	FL	IOLPower
00221054	FL	PredictedRefractiveError
00221059	FL	OphthalmicAxialLengthVelocity
00221065	LO	LensStatusDescription
00221066	LO	VitreousStatusDescription
00221090	SQ	IOLPowerSequence
00221092	SQ	LensConstantSequence
00221093	LO	IOLManufacturer
00221094	LO	RETIRED_LensConstantDescription
00221095	LO	ImplantName
00221096	SQ	KeratometryMeasurementTypeCodeSequence
00221097	LO	ImplantPartNumber
00221100	SQ	ReferencedOphthalmicAxialMeasurementsSequence
00221101	SQ	OphthalmicAxialLengthMeasurementsSegmentNameCodeSequence
00221103	SQ	RefractiveErrorBeforeRefractiveSurgeryCodeSequence
00221121	FL	IOLPowerForExactEmmetropia
00221122	FL	IOLPowerForExactTargetRefraction
00221125	SQ	AnteriorChamberDepthDefinitionCodeSequence
00221127	SQ	LensThicknessSequence
00221128	SQ	AnteriorChamberDepthSequence
0022112a	SQ	CalculationCommentSequence
0022112b	CS	CalculationCommentType
0022112c	LT	CalculationComment
00221130	FL	LensThickness
00221131	FL	AnteriorChamberDepth
00221132	SQ	SourceOfLensThicknessDataCodeSequence
00221133	SQ	SourceOfAnteriorChamberDepthDataCodeSequence
00221134	SQ	SourceOfRefractiveMeasurementsSequence
00221135	SQ	SourceOfRefractiveMeasurementsCodeSequence
00221140	CS	OphthalmicAxialLengthMeasurementModified
00221150	SQ	OphthalmicAxialLengthDataSourceCodeSequence
00221153	SQ	RETIRED_OphthalmicAxialLengthAcquisitionMethodCodeSequence
00221155	FL	SignalToNoiseRatio
00221159	LO	OphthalmicAxialLengthDataSourceDescription
00221210	SQ	OphthalmicAxialLengthMeasurementsTotalLengthSequence
00221211	SQ	OphthalmicAxialLengthMeasurementsSegmentalLengthSequence
00221212	SQ	OphthalmicAxialLengthMeasurementsLengthSummationSequence
00221220	SQ	UltrasoundOphthalmicAxialLengthMeasurementsSequence
00221225	SQ	OpticalOphthalmicAxialLengthMeasurementsSequence
00221230	SQ	UltrasoundSelectedOphthalmicAxialLengthSequence
00221250	SQ	OphthalmicAxialLengthSelectionMethodCodeSequence
00221255	SQ	OpticalSelectedOphthalmicAxialLengthSequence
00221257	SQ	SelectedSegmentalOphthalmicAxialLengthSequence
00221260	SQ	SelectedTotalOphthalmicAxialLengthSequence
00221262	SQ	OphthalmicAxialLengthQualityMetricSequence
00221265	SQ	RETIRED_OphthalmicAxialLengthQualityMetricTypeCodeSequence
00221273	LO	RETIRED_OphthalmicAxialLengthQualityMetricTypeDescription
00221300	SQ	IntraocularLensCalculationsRightEyeSequence
00221310	SQ	IntraocularLensCalculationsLeftEyeSequence
00221330	SQ	ReferencedOphthalmicAxialLengthMeasurementQCImageSequence
00221415	CS	OphthalmicMappingDeviceType
00221420	SQ	AcquisitionMethodCodeSequence
00221423	SQ	AcquisitionMethodAlgorithmSequence
00221436	SQ	OphthalmicThicknessMapTypeCodeSequence
00221443	SQ	OphthalmicThicknessMappingNormalsSequence
00221445	SQ	RetinalThicknessDefinitionCodeSequence
00221450	SQ	PixelValueMappingToCodedConceptSequence
00221452	xs	MappedPixelValue
00221454	LO	PixelValueMappingExplanation
00221458	SQ	OphthalmicThicknessMapQualityThresholdSequence
00221460	FL	OphthalmicThicknessMapThresholdQualityRating
00221463	FL	AnatomicStructureReferencePoint
00221465	SQ	RegistrationToLocalizerSequence
00221466	CS	RegisteredLocalizerUnits
00221467	FL	RegisteredLocalizerTopLeftHandCorner
00221468	FL	RegisteredLocalizerBottomRightHandCorner
00221470	SQ	OphthalmicThicknessMapQualityRatingSequence
00221472	SQ	RelevantOPTAttributesSequence
00221512	SQ	TransformationMethodCodeSequence
00221513	SQ	TransformationAlgorithmSequence
00221515	CS	OphthalmicAxialLengthMethod
00221517	FL	OphthalmicFOV
00221518	SQ	TwoDimensionalToThreeDimensionalMapSequence
00221525	SQ	WideFieldOphthalmicPhotographyQualityRatingSequence
00221526	SQ	WideFieldOphthalmicPhotographyQualityThresholdSequence
00221527	FL	WideFieldOphthalmicPhotographyThresholdQualityRating
00221528	FL	XCoordinatesCenterPixelViewAngle
00221529	FL	YCoordinatesCenterPixelViewAngle
00221530	UL	NumberOfMapPoints
00221531	OF	TwoDimensionalToThreeDimensionalMapData
00221612	SQ	DerivationAlgorithmSequence
00221615	SQ	OphthalmicImageTypeCodeSequence
00221616	LO	OphthalmicImageTypeDescription
00221618	SQ	ScanPatternTypeCodeSequence
00221620	SQ	ReferencedSurfaceMeshIdentificationSequence
00221622	CS	OphthalmicVolumetricPropertiesFlag
00221624	FL	OphthalmicAnatomicReferencePointXCoordinate
00221626	FL	OphthalmicAnatomicReferencePointYCoordinate
00221628	SQ	OphthalmicEnFaceImageQualityRatingSequence
00221630	DS	QualityThreshold
00221640	SQ	OCTBscanAnalysisAcquisitionParametersSequence
00221642	UL	NumberOfBscansPerFrame
00221643	FL	BscanSlabThickness
00221644	FL	DistanceBetweenBscanSlabs
00221645	FL	BscanCycleTime
00221646	FL	BscanCycleTimeVector
00221649	FL	AscanRate
00221650	FL	BscanRate
00221658	UL	SurfaceMeshZPixelOffset
00240010	FL	VisualFieldHorizontalExtent
00240011	FL	VisualFieldVerticalExtent
00240012	CS	VisualFieldShape
00240016	SQ	ScreeningTestModeCodeSequence
00240018	FL	MaximumStimulusLuminance
00240020	FL	BackgroundLuminance
00240021	SQ	StimulusColorCodeSequence
00240024	SQ	BackgroundIlluminationColorCodeSequence
00240025	FL	StimulusArea
00240028	FL	StimulusPresentationTime
00240032	SQ	FixationSequence
00240033	SQ	FixationMonitoringCodeSequence
00240034	SQ	VisualFieldCatchTrialSequence
00240035	US	FixationCheckedQuantity
00240036	US	PatientNotProperlyFixatedQuantity
00240037	CS	PresentedVisualStimuliDataFlag
00240038	US	NumberOfVisualStimuli
00240039	CS	ExcessiveFixationLossesDataFlag
00240040	CS	ExcessiveFixationLosses
00240042	US	StimuliRetestingQuantity
00240044	LT	CommentsOnPatientPerformanceOfVisualField
00240045	CS	FalseNegativesEstimateFlag
00240046	FL	FalseNegativesEstimate
00240048	US	NegativeCatchTrialsQuantity
00240050	US	FalseNegativesQuantity
00240051	CS	ExcessiveFalseNegativesDataFlag
00240052	CS	ExcessiveFalseNegatives
00240053	CS	FalsePositivesEstimateFlag
00240054	FL	FalsePositivesEstimate
00240055	CS	CatchTrialsDataFlag
00240056	US	PositiveCatchTrialsQuantity
00240057	CS	TestPointNormalsDataFlag
00240058	SQ	TestPointNormalsSequence
00240059	CS	GlobalDeviationProbabilityNormalsFlag
00240060	US	FalsePositivesQuantity
00240061	CS	ExcessiveFalsePositivesDataFlag
00240062	CS	ExcessiveFalsePositives
00240063	CS	VisualFieldTestNormalsFlag
00240064	SQ	ResultsNormalsSequence
00240065	SQ	AgeCorrectedSensitivityDeviationAlgorithmSequence
00240066	FL	GlobalDeviationFromNormal
00240067	SQ	GeneralizedDefectSensitivityDeviationAlgorithmSequence
00240068	FL	LocalizedDeviationFromNormal
00240069	LO	PatientReliabilityIndicator
00240070	FL	VisualFieldMeanSensitivity
00240071	FL	GlobalDeviationProbability
00240072	CS	LocalDeviationProbabilityNormalsFlag
00240073	FL	LocalizedDeviationProbability
00240074	CS	ShortTermFluctuationCalculated
00240075	FL	ShortTermFluctuation
00240076	CS	ShortTermFluctuationProbabilityCalculated
00240077	FL	ShortTermFluctuationProbability
00240078	CS	CorrectedLocalizedDeviationFromNormalCalculated
00240079	FL	CorrectedLocalizedDeviationFromNormal
00240080	CS	CorrectedLocalizedDeviationFromNormalProbabilityCalculated
00240081	FL	CorrectedLocalizedDeviationFromNormalProbability
00240083	SQ	GlobalDeviationProbabilitySequence
00240085	SQ	LocalizedDeviationProbabilitySequence
00240086	CS	FovealSensitivityMeasured
00240087	FL	FovealSensitivity
00240088	FL	VisualFieldTestDuration
00240089	SQ	VisualFieldTestPointSequence
00240090	FL	VisualFieldTestPointXCoordinate
00240091	FL	VisualFieldTestPointYCoordinate
00240092	FL	AgeCorrectedSensitivityDeviationValue
00240093	CS	StimulusResults
00240094	FL	SensitivityValue
00240095	CS	RetestStimulusSeen
00240096	FL	RetestSensitivityValue
00240097	SQ	VisualFieldTestPointNormalsSequence
00240098	FL	QuantifiedDefect
00240100	FL	AgeCorrectedSensitivityDeviationProbabilityValue
00240102	CS	GeneralizedDefectCorrectedSensitivityDeviationFlag
00240103	FL	GeneralizedDefectCorrectedSensitivityDeviationValue
00240104	FL	GeneralizedDefectCorrectedSensitivityDeviationProbabilityValue
00240105	FL	MinimumSensitivityValue
00240106	CS	BlindSpotLocalized
00240107	FL	BlindSpotXCoordinate
00240108	FL	BlindSpotYCoordinate
00240110	SQ	VisualAcuityMeasurementSequence
00240112	SQ	RefractiveParametersUsedOnPatientSequence
00240113	CS	MeasurementLaterality
00240114	SQ	OphthalmicPatientClinicalInformationLeftEyeSequence
00240115	SQ	OphthalmicPatientClinicalInformationRightEyeSequence
00240117	CS	FovealPointNormativeDataFlag
00240118	FL	FovealPointProbabilityValue
00240120	CS	ScreeningBaselineMeasured
00240122	SQ	ScreeningBaselineMeasuredSequence
00240124	CS	ScreeningBaselineType
00240126	FL	ScreeningBaselineValue
00240202	LO	AlgorithmSource
00240306	LO	DataSetName
00240307	LO	DataSetVersion
00240308	LO	DataSetSource
00240309	LO	DataSetDescription
00240317	SQ	VisualFieldTestReliabilityGlobalIndexSequence
00240320	SQ	VisualFieldGlobalResultsIndexSequence
00240325	SQ	DataObservationSequence
00240338	CS	IndexNormalsFlag
00240341	FL	IndexProbability
00240344	SQ	IndexProbabilitySequence
00280002	US	SamplesPerPixel
00280003	US	SamplesPerPixelUsed
00280004	CS	PhotometricInterpretation
00280005	US	RETIRED_ImageDimensions
00280006	US	PlanarConfiguration
00280008	IS	NumberOfFrames
00280009	AT	FrameIncrementPointer
0028000a	AT	FrameDimensionPointer
00280010	US	Rows
00280011	US	Columns
00280012	US	RETIRED_Planes
00280014	US	UltrasoundColorDataPresent
00280030	DS	PixelSpacing
00280031	DS	ZoomFactor
00280032	DS	ZoomCenter
00280034	IS	PixelAspectRatio
00280040	CS	RETIRED_ImageFormat
00280050	LO	RETIRED_ManipulatedImage
00280051	CS	CorrectedImage
0028005f	LO	RETIRED_CompressionRecognitionCode
00280060	CS	RETIRED_CompressionCode
00280061	SH	RETIRED_CompressionOriginator
00280062	LO	RETIRED_CompressionLabel
00280063	SH	RETIRED_CompressionDescription
00280065	CS	RETIRED_CompressionSequence
00280066	AT	RETIRED_CompressionStepPointers
00280068	US	RETIRED_RepeatInterval
00280069	US	RETIRED_BitsGrouped
00280070	US	RETIRED_PerimeterTable
00280071	xs	RETIRED_PerimeterValue
00280080	US	RETIRED_PredictorRows
00280081	US	RETIRED_PredictorColumns
00280082	US	RETIRED_PredictorConstants
00280090	CS	RETIRED_BlockedPixels
00280091	US	RETIRED_BlockRows
00280092	US	RETIRED_BlockColumns
00280093	US	RETIRED_RowOverlap
00280094	US	RETIRED_ColumnOverlap
00280100	US	BitsAllocated
00280101	US	BitsStored
00280102	US	HighBit
00280103	US	PixelRepresentation
00280104	xs	RETIRED_SmallestValidPixelValue
00280105	xs	RETIRED_LargestValidPixelValue
00280106	xs	SmallestImagePixelValue
00280107	xs	LargestImagePixelValue
00280108	xs	SmallestPixelValueInSeries
00280109	xs	LargestPixelValueInSeries
00280110	xs	RETIRED_SmallestImagePixelValueInPlane
00280111	xs	RETIRED_LargestImagePixelValueInPlane
00280120	xs	PixelPaddingValue
00280121	xs	PixelPaddingRangeLimit
00280122	FL	FloatPixelPaddingValue
00280123	FD	DoubleFloatPixelPaddingValue
00280124	FL	FloatPixelPaddingRangeLimit
00280125	FD	DoubleFloatPixelPaddingRangeLimit
00280200	US	RETIRED_ImageLocation
00280300	CS	QualityControlImage
00280301	CS	BurnedInAnnotation
00280302	CS	RecognizableVisualFeatures
00280303	CS	LongitudinalTemporalInformationModified
00280304	UI	ReferencedColorPaletteInstanceUID
00280400	LO	RETIRED_TransformLabel
00280401	LO	RETIRED_TransformVersionNumber
00280402	US	RETIRED_NumberOfTransformSteps
00280403	LO	RETIRED_SequenceOfCompressedData
00280404	AT	RETIRED_DetailsOfCoefficients
00280410	US	RETIRED_RowsForNthOrderCoefficients
00280411	US	RETIRED_ColumnsForNthOrderCoefficients
00280412	LO	RETIRED_CoefficientCoding
00280413	AT	RETIRED_CoefficientCodingPointers
00280700	LO	RETIRED_DCTLabel
00280701	CS	RETIRED_DataBlockDescription
00280702	AT	RETIRED_DataBlock
00280710	US	RETIRED_NormalizationFactorFormat
00280720	US	RETIRED_ZonalMapNumberFormat
00280721	AT	RETIRED_ZonalMapLocation
00280722	US	RETIRED_ZonalMapFormat
00280730	US	RETIRED_AdaptiveMapFormat
00280740	US	RETIRED_CodeNumberFormat
00280800	CS	RETIRED_CodeLabel
00280802	US	RETIRED_NumberOfTables
00280803	AT	RETIRED_CodeTableLocation
00280804	US	RETIRED_BitsForCodeWord
00280808	AT	RETIRED_ImageDataLocation
00280a02	CS	PixelSpacingCalibrationType
00280a04	LO	PixelSpacingCalibrationDescription
00281040	CS	PixelIntensityRelationship
00281041	SS	PixelIntensityRelationshipSign
00281050	DS	WindowCenter
00281051	DS	WindowWidth
00281052	DS	RescaleIntercept
00281053	DS	RescaleSlope
00281054	LO	RescaleType
00281055	LO	WindowCenterWidthExplanation
00281056	CS	VOILUTFunction
00281080	CS	RETIRED_GrayScale
00281090	CS	RecommendedViewingMode
00281100	xs	RETIRED_GrayLookupTableDescriptor
00281101	xs	RedPaletteColorLookupTableDescriptor
00281102	xs	GreenPaletteColorLookupTableDescriptor
00281103	xs	BluePaletteColorLookupTableDescriptor
00281104	US	AlphaPaletteColorLookupTableDescriptor
00281111	xs	RETIRED_LargeRedPaletteColorLookupTableDescriptor
00281112	xs	RETIRED_LargeGreenPaletteColorLookupTableDescriptor
00281113	xs	RETIRED_LargeBluePaletteColorLookupTableDescriptor
00281199	UI	PaletteColorLookupTableUID
00281200	lt	RETIRED_GrayLookupTableData
00281201	OW	RedPaletteColorLookupTableData
00281202	OW	GreenPaletteColorLookupTableData
00281203	OW	BluePaletteColorLookupTableData
00281204	OW	AlphaPaletteColorLookupTableData
00281211	OW	RETIRED_LargeRedPaletteColorLookupTableData
00281212	OW	RETIRED_LargeGreenPaletteColorLookupTableData
00281213	OW	RETIRED_LargeBluePaletteColorLookupTableData
00281214	UI	RETIRED_LargePaletteColorLookupTableUID
00281221	OW	SegmentedRedPaletteColorLookupTableData
00281222	OW	SegmentedGreenPaletteColorLookupTableData
00281223	OW	SegmentedBluePaletteColorLookupTableData
00281224	OW	SegmentedAlphaPaletteColorLookupTableData
00281230	SQ	StoredValueColorRangeSequence
00281231	FD	MinimumStoredValueMapped
00281232	FD	MaximumStoredValueMapped
00281300	CS	BreastImplantPresent
00281350	CS	PartialView
00281351	ST	PartialViewDescription
00281352	SQ	PartialViewCodeSequence
0028135a	CS	SpatialLocationsPreserved
00281401	SQ	DataFrameAssignmentSequence
00281402	CS	DataPathAssignment
00281403	US	BitsMappedToColorLookupTable
00281404	SQ	BlendingLUT1Sequence
00281405	CS	BlendingLUT1TransferFunction
00281406	FD	BlendingWeightConstant
00281407	US	BlendingLookupTableDescriptor
00281408	OW	BlendingLookupTableData
0028140b	SQ	EnhancedPaletteColorLookupTableSequence
0028140c	SQ	BlendingLUT2Sequence
0028140d	CS	BlendingLUT2TransferFunction
0028140e	CS	DataPathID
0028140f	CS	RGBLUTTransferFunction
00281410	CS	AlphaLUTTransferFunction
00282000	OB	ICCProfile
00282002	CS	ColorSpace
00282110	CS	LossyImageCompression
00282112	DS	LossyImageCompressionRatio
00282114	CS	LossyImageCompressionMethod
00283000	SQ	ModalityLUTSequence
00283002	xs	LUTDescriptor
00283003	LO	LUTExplanation
00283004	LO	ModalityLUTType
00283006	lt	LUTData
00283010	SQ	VOILUTSequence
00283110	SQ	SoftcopyVOILUTSequence
00284000	LT	RETIRED_ImagePresentationComments
00285000	SQ	RETIRED_BiPlaneAcquisitionSequence
00286010	US	RepresentativeFrameNumber
00286020	US	FrameNumbersOfInterest
00286022	LO	FrameOfInterestDescription
00286023	CS	FrameOfInterestType
00286030	US	RETIRED_MaskPointers
00286040	US	RWavePointer
00286100	SQ	MaskSubtractionSequence
00286101	CS	MaskOperation
00286102	US	ApplicableFrameRange
00286110	US	MaskFrameNumbers
00286112	US	ContrastFrameAveraging
00286114	FL	MaskSubPixelShift
00286120	SS	TIDOffset
00286190	ST	MaskOperationExplanation
00287000	SQ	EquipmentAdministratorSequence
00287001	US	NumberOfDisplaySubsystems
00287002	US	CurrentConfigurationID
00287003	US	DisplaySubsystemID
00287004	SH	DisplaySubsystemName
00287005	LO	DisplaySubsystemDescription
00287006	CS	SystemStatus
00287007	LO	SystemStatusComment
00287008	SQ	TargetLuminanceCharacteristicsSequence
00287009	US	LuminanceCharacteristicsID
0028700a	SQ	DisplaySubsystemConfigurationSequence
0028700b	US	ConfigurationID
0028700c	SH	ConfigurationName
0028700d	LO	ConfigurationDescription
0028700e	US	ReferencedTargetLuminanceCharacteristicsID
0028700f	SQ	QAResultsSequence
00287010	SQ	DisplaySubsystemQAResultsSequence
00287011	SQ	ConfigurationQAResultsSequence
00287012	SQ	MeasurementEquipmentSequence
00287013	CS	MeasurementFunctions
00287014	CS	MeasurementEquipmentType
00287015	SQ	VisualEvaluationResultSequence
00287016	SQ	DisplayCalibrationResultSequence
00287017	US	DDLValue
00287018	FL	CIExyWhitePoint
00287019	CS	DisplayFunctionType
0028701a	FL	GammaValue
0028701b	US	NumberOfLuminancePoints
0028701c	SQ	LuminanceResponseSequence
0028701d	FL	TargetMinimumLuminance
0028701e	FL	TargetMaximumLuminance
0028701f	FL	LuminanceValue
00287020	LO	LuminanceResponseDescription
00287021	CS	WhitePointFlag
00287022	SQ	DisplayDeviceTypeCodeSequence
00287023	SQ	DisplaySubsystemSequence
00287024	SQ	LuminanceResultSequence
00287025	CS	AmbientLightValueSource
00287026	CS	MeasuredCharacteristics
00287027	SQ	LuminanceUniformityResultSequence
00287028	SQ	VisualEvaluationTestSequence
00287029	CS	TestResult
0028702a	LO	TestResultComment
0028702b	CS	TestImageValidation
0028702c	SQ	TestPatternCodeSequence
0028702d	SQ	MeasurementPatternCodeSequence
0028702e	SQ	VisualEvaluationMethodCodeSequence
00287fe0	UR	PixelDataProviderURL
00289001	UL	DataPointRows
00289002	UL	DataPointColumns
00289003	CS	SignalDomainColumns
00289099	US	RETIRED_LargestMonochromePixelValue
00289108	CS	DataRepresentation
00289110	SQ	PixelMeasuresSequence
00289132	SQ	FrameVOILUTSequence
00289145	SQ	PixelValueTransformationSequence
00289235	CS	SignalDomainRows
00289411	FL	DisplayFilterPercentage
00289415	SQ	FramePixelShiftSequence
00289416	US	SubtractionItemID
00289422	SQ	PixelIntensityRelationshipLUTSequence
00289443	SQ	FramePixelDataPropertiesSequence
00289444	CS	GeometricalProperties
00289445	FL	GeometricMaximumDistortion
00289446	CS	ImageProcessingApplied
00289454	CS	MaskSelectionMode
00289474	CS	LUTFunction
00289478	FL	MaskVisibilityPercentage
00289501	SQ	PixelShiftSequence
00289502	SQ	RegionPixelShiftSequence
00289503	SS	VerticesOfTheRegion
00289505	SQ	MultiFramePresentationSequence
00289506	US	PixelShiftFrameRange
00289507	US	LUTFrameRange
00289520	DS	ImageToEquipmentMappingMatrix
00289537	CS	EquipmentCoordinateSystemIdentification
0032000a	CS	RETIRED_StudyStatusID
0032000c	CS	RETIRED_StudyPriorityID
00320012	LO	RETIRED_StudyIDIssuer
00320032	DA	RETIRED_StudyVerifiedDate
00320033	TM	RETIRED_StudyVerifiedTime
00320034	DA	RETIRED_StudyReadDate
00320035	TM	RETIRED_StudyReadTime
00321000	DA	RETIRED_ScheduledStudyStartDate
00321001	TM	RETIRED_ScheduledStudyStartTime
00321010	DA	RETIRED_ScheduledStudyStopDate
00321011	TM	RETIRED_ScheduledStudyStopTime
00321020	LO	RETIRED_ScheduledStudyLocation
00321021	AE	RETIRED_ScheduledStudyLocationAETitle
00321030	LO	RETIRED_ReasonForStudy
00321031	SQ	RequestingPhysicianIdentificationSequence
00321032	PN	RequestingPhysician
00321033	LO	RequestingService
00321034	SQ	RequestingServiceCodeSequence
00321040	DA	RETIRED_StudyArrivalDate
00321041	TM	RETIRED_StudyArrivalTime
00321050	DA	RETIRED_StudyCompletionDate
00321051	TM	RETIRED_StudyCompletionTime
00321055	CS	RETIRED_StudyComponentStatusID
00321060	LO	RequestedProcedureDescription
00321064	SQ	RequestedProcedureCodeSequence
00321065	SQ	RequestedLateralityCodeSequence
00321066	UT	ReasonForVisit
00321067	SQ	ReasonForVisitCodeSequence
00321070	LO	RequestedContrastAgent
00324000	LT	RETIRED_StudyComments
00340001	SQ	FlowIdentifierSequence
00340002	OB	FlowIdentifier
00340003	UI	FlowTransferSyntaxUID
00340004	UL	FlowRTPSamplingRate
00340005	OB	SourceIdentifier
00340007	OB	FrameOriginTimestamp
00340008	CS	IncludesImagingSubject
00340009	SQ	FrameUsefulnessGroupSequence
0034000a	SQ	RealTimeBulkDataFlowSequence
0034000b	SQ	CameraPositionGroupSequence
0034000c	CS	IncludesInformation
0034000d	SQ	TimeOfFrameGroupSequence
00380004	SQ	ReferencedPatientAliasSequence
00380008	CS	VisitStatusID
00380010	LO	AdmissionID
00380011	LO	RETIRED_IssuerOfAdmissionID
00380014	SQ	IssuerOfAdmissionIDSequence
00380016	LO	RouteOfAdmissions
0038001a	DA	RETIRED_ScheduledAdmissionDate
0038001b	TM	RETIRED_ScheduledAdmissionTime
0038001c	DA	RETIRED_ScheduledDischargeDate
0038001d	TM	RETIRED_ScheduledDischargeTime
0038001e	LO	RETIRED_ScheduledPatientInstitutionResidence
00380020	DA	AdmittingDate
00380021	TM	AdmittingTime
00380030	DA	RETIRED_DischargeDate
00380032	TM	RETIRED_DischargeTime
00380040	LO	RETIRED_DischargeDiagnosisDescription
00380044	SQ	RETIRED_DischargeDiagnosisCodeSequence
00380050	LO	SpecialNeeds
00380060	LO	ServiceEpisodeID
00380061	LO	RETIRED_IssuerOfServiceEpisodeID
00380062	LO	ServiceEpisodeDescription
00380064	SQ	IssuerOfServiceEpisodeIDSequence
00380100	SQ	PertinentDocumentsSequence
00380101	SQ	PertinentResourcesSequence
00380102	LO	ResourceDescription
00380300	LO	CurrentPatientLocation
00380400	LO	PatientInstitutionResidence
00380500	LO	PatientState
00380502	SQ	PatientClinicalTrialParticipationSequence
00384000	LT	VisitComments
003a0004	CS	WaveformOriginality
003a0005	US	NumberOfWaveformChannels
003a0010	UL	NumberOfWaveformSamples
003a001a	DS	SamplingFrequency
003a0020	SH	MultiplexGroupLabel
003a0200	SQ	ChannelDefinitionSequence
003a0202	IS	WaveformChannelNumber
003a0203	SH	ChannelLabel
003a0205	CS	ChannelStatus
003a0208	SQ	ChannelSourceSequence
003a0209	SQ	ChannelSourceModifiersSequence
003a020a	SQ	SourceWaveformSequence
003a020c	LO	ChannelDerivationDescription
003a0210	DS	ChannelSensitivity
003a0211	SQ	ChannelSensitivityUnitsSequence
003a0212	DS	ChannelSensitivityCorrectionFactor
003a0213	DS	ChannelBaseline
003a0214	DS	ChannelTimeSkew
003a0215	DS	ChannelSampleSkew
003a0218	DS	ChannelOffset
003a021a	US	WaveformBitsStored
003a0220	DS	FilterLowFrequency
003a0221	DS	FilterHighFrequency
003a0222	DS	NotchFilterFrequency
003a0223	DS	NotchFilterBandwidth
003a0230	FL	WaveformDataDisplayScale
003a0231	US	WaveformDisplayBackgroundCIELabValue
003a0240	SQ	WaveformPresentationGroupSequence
003a0241	US	PresentationGroupNumber
003a0242	SQ	ChannelDisplaySequence
003a0244	US	ChannelRecommendedDisplayCIELabValue
003a0245	FL	ChannelPosition
003a0246	CS	DisplayShadingFlag
003a0247	FL	FractionalChannelDisplayScale
003a0248	FL	AbsoluteChannelDisplayScale
003a0300	SQ	MultiplexedAudioChannelsDescriptionCodeSequence
003a0301	IS	ChannelIdentificationCode
003a0302	CS	ChannelMode
003a0310	UI	MultiplexGroupUID
003a0311	DS	PowerlineFrequency
003a0312	SQ	ChannelImpedanceSequence
003a0313	DS	ImpedanceValue
003a0314	DT	ImpedanceMeasurementDateTime
003a0315	DS	ImpedanceMeasurementFrequency
003a0316	CS	ImpedanceMeasurementCurrentType
00400001	AE	ScheduledStationAETitle
00400002	DA	ScheduledProcedureStepStartDate
00400003	TM	ScheduledProcedureStepStartTime
00400004	DA	ScheduledProcedureStepEndDate
00400005	TM	ScheduledProcedureStepEndTime
00400006	PN	ScheduledPerformingPhysicianName
00400007	LO	ScheduledProcedureStepDescription
00400008	SQ	ScheduledProtocolCodeSequence
00400009	SH	ScheduledProcedureStepID
0040000a	SQ	StageCodeSequence
0040000b	SQ	ScheduledPerformingPhysicianIdentificationSequence
00400010	SH	ScheduledStationName
00400011	SH	ScheduledProcedureStepLocation
00400012	LO	PreMedication
00400020	CS	ScheduledProcedureStepStatus
00400026	SQ	OrderPlacerIdentifierSequence
00400027	SQ	OrderFillerIdentifierSequence
00400031	UT	LocalNamespaceEntityID
00400032	UT	UniversalEntityID
00400033	CS	UniversalEntityIDType
00400035	CS	IdentifierTypeCode
00400036	SQ	AssigningFacilitySequence
00400039	SQ	AssigningJurisdictionCodeSequence
0040003a	SQ	AssigningAgencyOrDepartmentCodeSequence
00400100	SQ	ScheduledProcedureStepSequence
00400220	SQ	ReferencedNonImageCompositeSOPInstanceSequence
00400241	AE	PerformedStationAETitle
00400242	SH	PerformedStationName
00400243	SH	PerformedLocation
00400244	DA	PerformedProcedureStepStartDate
00400245	TM	PerformedProcedureStepStartTime
00400250	DA	PerformedProcedureStepEndDate
00400251	TM	PerformedProcedureStepEndTime
00400252	CS	PerformedProcedureStepStatus
00400253	SH	PerformedProcedureStepID
00400254	LO	PerformedProcedureStepDescription
00400255	LO	PerformedProcedureTypeDescription
00400260	SQ	PerformedProtocolCodeSequence
00400261	CS	PerformedProtocolType
00400270	SQ	ScheduledStepAttributesSequence
00400275	SQ	RequestAttributesSequence
00400280	ST	CommentsOnThePerformedProcedureStep
00400281	SQ	PerformedProcedureStepDiscontinuationReasonCodeSequence
00400293	SQ	QuantitySequence
00400294	DS	Quantity
00400295	SQ	MeasuringUnitsSequence
00400296	SQ	BillingItemSequence
00400300	US	RETIRED_TotalTimeOfFluoroscopy
00400301	US	RETIRED_TotalNumberOfExposures
00400302	US	EntranceDose
00400303	US	ExposedArea
00400306	DS	DistanceSourceToEntrance
00400307	DS	RETIRED_DistanceSourceToSupport
0040030e	SQ	RETIRED_ExposureDoseSequence
00400310	ST	CommentsOnRadiationDose
00400312	DS	XRayOutput
00400314	DS	HalfValueLayer
00400316	DS	OrganDose
00400318	CS	OrganExposed
00400320	SQ	BillingProcedureStepSequence
00400321	SQ	FilmConsumptionSequence
00400324	SQ	BillingSuppliesAndDevicesSequence
00400330	SQ	RETIRED_ReferencedProcedureStepSequence
00400340	SQ	PerformedSeriesSequence
00400400	LT	CommentsOnTheScheduledProcedureStep
00400440	SQ	ProtocolContextSequence
00400441	SQ	ContentItemModifierSequence
00400500	SQ	ScheduledSpecimenSequence
0040050a	LO	RETIRED_SpecimenAccessionNumber
00400512	LO	ContainerIdentifier
00400513	SQ	IssuerOfTheContainerIdentifierSequence
00400515	SQ	AlternateContainerIdentifierSequence
00400518	SQ	ContainerTypeCodeSequence
0040051a	LO	ContainerDescription
00400520	SQ	ContainerComponentSequence
00400550	SQ	RETIRED_SpecimenSequence
00400551	LO	SpecimenIdentifier
00400552	SQ	RETIRED_SpecimenDescriptionSequenceTrial
00400553	ST	RETIRED_SpecimenDescriptionTrial
00400554	UI	SpecimenUID
00400555	SQ	AcquisitionContextSequence
00400556	ST	AcquisitionContextDescription
00400560	SQ	SpecimenDescriptionSequence
00400562	SQ	IssuerOfTheSpecimenIdentifierSequence
0040059a	SQ	SpecimenTypeCodeSequence
00400600	LO	SpecimenShortDescription
00400602	UT	SpecimenDetailedDescription
00400610	SQ	SpecimenPreparationSequence
00400612	SQ	SpecimenPreparationStepContentItemSequence
00400620	SQ	SpecimenLocalizationContentItemSequence
004006fa	LO	RETIRED_SlideIdentifier
00400710	SQ	WholeSlideMicroscopyImageFrameTypeSequence
0040071a	SQ	ImageCenterPointCoordinatesSequence
0040072a	DS	XOffsetInSlideCoordinateSystem
0040073a	DS	YOffsetInSlideCoordinateSystem
0040074a	DS	ZOffsetInSlideCoordinateSystem
004008d8	SQ	RETIRED_PixelSpacingSequence
004008da	SQ	RETIRED_CoordinateSystemAxisCodeSequence
004008ea	SQ	MeasurementUnitsCodeSequence
004009f8	SQ	RETIRED_VitalStainCodeSequenceTrial
00401001	SH	RequestedProcedureID
00401002	LO	ReasonForTheRequestedProcedure
00401003	SH	RequestedProcedurePriority
00401004	LO	PatientTransportArrangements
00401005	LO	RequestedProcedureLocation
00401006	SH	RETIRED_PlacerOrderNumberProcedure
00401007	SH	RETIRED_FillerOrderNumberProcedure
00401008	LO	ConfidentialityCode
00401009	SH	ReportingPriority
0040100a	SQ	ReasonForRequestedProcedureCodeSequence
00401010	PN	NamesOfIntendedRecipientsOfResults
00401011	SQ	IntendedRecipientsOfResultsIdentificationSequence
00401012	SQ	ReasonForPerformedProcedureCodeSequence
00401060	LO	RETIRED_RequestedProcedureDescriptionTrial
00401101	SQ	PersonIdentificationCodeSequence
00401102	ST	PersonAddress
00401103	LO	PersonTelephoneNumbers
00401104	LT	PersonTelecomInformation
00401400	LT	RequestedProcedureComments
00402001	LO	RETIRED_ReasonForTheImagingServiceRequest
00402004	DA	IssueDateOfImagingServiceRequest
00402005	TM	IssueTimeOfImagingServiceRequest
00402006	SH	RETIRED_PlacerOrderNumberImagingServiceRequestRetired
00402007	SH	RETIRED_FillerOrderNumberImagingServiceRequestRetired
00402008	PN	OrderEnteredBy
00402009	SH	OrderEntererLocation
00402010	SH	OrderCallbackPhoneNumber
00402011	LT	OrderCallbackTelecomInformation
00402016	LO	PlacerOrderNumberImagingServiceRequest
00402017	LO	FillerOrderNumberImagingServiceRequest
00402400	LT	ImagingServiceRequestComments
00403001	LO	ConfidentialityConstraintOnPatientDataDescription
00404001	CS	RETIRED_GeneralPurposeScheduledProcedureStepStatus
00404002	CS	RETIRED_GeneralPurposePerformedProcedureStepStatus
00404003	CS	RETIRED_GeneralPurposeScheduledProcedureStepPriority
00404004	SQ	RETIRED_ScheduledProcessingApplicationsCodeSequence
00404005	DT	ScheduledProcedureStepStartDateTime
00404006	CS	RETIRED_MultipleCopiesFlag
00404007	SQ	RETIRED_PerformedProcessingApplicationsCodeSequence
00404008	DT	ScheduledProcedureStepExpirationDateTime
00404009	SQ	HumanPerformerCodeSequence
00404010	DT	ScheduledProcedureStepModificationDateTime
00404011	DT	ExpectedCompletionDateTime
00404015	SQ	RETIRED_ResultingGeneralPurposePerformedProcedureStepsSequence
00404016	SQ	RETIRED_ReferencedGeneralPurposeScheduledProcedureStepSequence
00404018	SQ	ScheduledWorkitemCodeSequence
00404019	SQ	PerformedWorkitemCodeSequence
00404020	CS	RETIRED_InputAvailabilityFlag
00404021	SQ	InputInformationSequence
00404022	SQ	RETIRED_RelevantInformationSequence
00404023	UI	RETIRED_ReferencedGeneralPurposeScheduledProcedureStepTransactionUID
00404025	SQ	ScheduledStationNameCodeSequence
00404026	SQ	ScheduledStationClassCodeSequence
00404027	SQ	ScheduledStationGeographicLocationCodeSequence
00404028	SQ	PerformedStationNameCodeSequence
00404029	SQ	PerformedStationClassCodeSequence
00404030	SQ	PerformedStationGeographicLocationCodeSequence
00404031	SQ	RETIRED_RequestedSubsequentWorkitemCodeSequence
00404032	SQ	RETIRED_NonDICOMOutputCodeSequence
00404033	SQ	OutputInformationSequence
00404034	SQ	ScheduledHumanPerformersSequence
00404035	SQ	ActualHumanPerformersSequence
00404036	LO	HumanPerformerOrganization
00404037	PN	HumanPerformerName
00404040	CS	RawDataHandling
00404041	CS	InputReadinessState
00404050	DT	PerformedProcedureStepStartDateTime
00404051	DT	PerformedProcedureStepEndDateTime
00404052	DT	ProcedureStepCancellationDateTime
00404070	SQ	OutputDestinationSequence
00404071	SQ	DICOMStorageSequence
00404072	SQ	STOWRSStorageSequence
00404073	UR	StorageURL
00404074	SQ	XDSStorageSequence
00408302	DS	EntranceDoseInmGy
00408303	CS	EntranceDoseDerivation
00409092	SQ	ParametricMapFrameTypeSequence
00409094	SQ	ReferencedImageRealWorldValueMappingSequence
00409096	SQ	RealWorldValueMappingSequence
00409098	SQ	PixelValueMappingCodeSequence
00409210	SH	LUTLabel
00409211	xs	RealWorldValueLastValueMapped
00409212	FD	RealWorldValueLUTData
00409213	FD	DoubleFloatRealWorldValueLastValueMapped
00409214	FD	DoubleFloatRealWorldValueFirstValueMapped
00409216	xs	RealWorldValueFirstValueMapped
00409220	SQ	QuantityDefinitionSequence
00409224	FD	RealWorldValueIntercept
00409225	FD	RealWorldValueSlope
0040a007	CS	RETIRED_FindingsFlagTrial
0040a010	CS	RelationshipType
0040a020	SQ	RETIRED_FindingsSequenceTrial
0040a021	UI	RETIRED_FindingsGroupUIDTrial
0040a022	UI	RETIRED_ReferencedFindingsGroupUIDTrial
0040a023	DA	RETIRED_FindingsGroupRecordingDateTrial
0040a024	TM	RETIRED_FindingsGroupRecordingTimeTrial
0040a026	SQ	RETIRED_FindingsSourceCategoryCodeSequenceTrial
0040a027	LO	VerifyingOrganization
0040a028	SQ	RETIRED_DocumentingOrganizationIdentifierCodeSequenceTrial
0040a030	DT	VerificationDateTime
0040a032	DT	ObservationDateTime
0040a033	DT	ObservationStartDateTime
0040a040	CS	ValueType
0040a043	SQ	ConceptNameCodeSequence
0040a047	LO	RETIRED_MeasurementPrecisionDescriptionTrial
0040a050	CS	ContinuityOfContent
0040a057	CS	RETIRED_UrgencyOrPriorityAlertsTrial
0040a060	LO	RETIRED_SequencingIndicatorTrial
0040a066	SQ	RETIRED_DocumentIdentifierCodeSequenceTrial
0040a067	PN	RETIRED_DocumentAuthorTrial
0040a068	SQ	RETIRED_DocumentAuthorIdentifierCodeSequenceTrial
0040a070	SQ	RETIRED_IdentifierCodeSequenceTrial
0040a073	SQ	VerifyingObserverSequence
0040a074	OB	RETIRED_ObjectBinaryIdentifierTrial
0040a075	PN	VerifyingObserverName
0040a076	SQ	RETIRED_DocumentingObserverIdentifierCodeSequenceTrial
0040a078	SQ	AuthorObserverSequence
0040a07a	SQ	ParticipantSequence
0040a07c	SQ	CustodialOrganizationSequence
0040a080	CS	ParticipationType
0040a082	DT	ParticipationDateTime
0040a084	CS	ObserverType
0040a085	SQ	RETIRED_ProcedureIdentifierCodeSequenceTrial
0040a088	SQ	VerifyingObserverIdentificationCodeSequence
0040a089	OB	RETIRED_ObjectDirectoryBinaryIdentifierTrial
0040a090	SQ	RETIRED_EquivalentCDADocumentSequence
0040a0b0	US	ReferencedWaveformChannels
0040a110	DA	RETIRED_DateOfDocumentOrVerbalTransactionTrial
0040a112	TM	RETIRED_TimeOfDocumentCreationOrVerbalTransactionTrial
0040a120	DT	DateTime
0040a121	DA	Date
0040a122	TM	Time
0040a123	PN	PersonName
0040a124	UI	UID
0040a125	CS	RETIRED_ReportStatusIDTrial
0040a130	CS	TemporalRangeType
0040a132	UL	ReferencedSamplePositions
0040a136	US	RETIRED_ReferencedFrameNumbers
0040a138	DS	ReferencedTimeOffsets
0040a13a	DT	ReferencedDateTime
0040a160	UT	TextValue
0040a161	FD	FloatingPointValue
0040a162	SL	RationalNumeratorValue
0040a163	UL	RationalDenominatorValue
0040a167	SQ	RETIRED_ObservationCategoryCodeSequenceTrial
0040a168	SQ	ConceptCodeSequence
0040a16a	ST	RETIRED_BibliographicCitationTrial
0040a170	SQ	PurposeOfReferenceCodeSequence
0040a171	UI	ObservationUID
0040a172	UI	RETIRED_ReferencedObservationUIDTrial
0040a173	CS	RETIRED_ReferencedObservationClassTrial
0040a174	CS	RETIRED_ReferencedObjectObservationClassTrial
0040a180	US	AnnotationGroupNumber
0040a192	DA	RETIRED_ObservationDateTrial
0040a193	TM	RETIRED_ObservationTimeTrial
0040a194	CS	RETIRED_MeasurementAutomationTrial
0040a195	SQ	ModifierCodeSequence
0040a224	ST	RETIRED_IdentificationDescriptionTrial
0040a290	CS	RETIRED_CoordinatesSetGeometricTypeTrial
0040a296	SQ	RETIRED_AlgorithmCodeSequenceTrial
0040a297	ST	RETIRED_AlgorithmDescriptionTrial
0040a29a	SL	RETIRED_PixelCoordinatesSetTrial
0040a300	SQ	MeasuredValueSequence
0040a301	SQ	NumericValueQualifierCodeSequence
0040a307	PN	RETIRED_CurrentObserverTrial
0040a30a	DS	NumericValue
0040a313	SQ	RETIRED_ReferencedAccessionSequenceTrial
0040a33a	ST	RETIRED_ReportStatusCommentTrial
0040a340	SQ	RETIRED_ProcedureContextSequenceTrial
0040a352	PN	RETIRED_VerbalSourceTrial
0040a353	ST	RETIRED_AddressTrial
0040a354	LO	RETIRED_TelephoneNumberTrial
0040a358	SQ	RETIRED_VerbalSourceIdentifierCodeSequenceTrial
0040a360	SQ	PredecessorDocumentsSequence
0040a370	SQ	ReferencedRequestSequence
0040a372	SQ	PerformedProcedureCodeSequence
0040a375	SQ	CurrentRequestedProcedureEvidenceSequence
0040a380	SQ	RETIRED_ReportDetailSequenceTrial
0040a385	SQ	PertinentOtherEvidenceSequence
0040a390	SQ	HL7StructuredDocumentReferenceSequence
0040a402	UI	RETIRED_ObservationSubjectUIDTrial
0040a403	CS	RETIRED_ObservationSubjectClassTrial
0040a404	SQ	RETIRED_ObservationSubjectTypeCodeSequenceTrial
0040a491	CS	CompletionFlag
0040a492	LO	CompletionFlagDescription
0040a493	CS	VerificationFlag
0040a494	CS	ArchiveRequested
0040a496	CS	PreliminaryFlag
0040a504	SQ	ContentTemplateSequence
0040a525	SQ	IdenticalDocumentsSequence
0040a600	CS	RETIRED_ObservationSubjectContextFlagTrial
0040a601	CS	RETIRED_ObserverContextFlagTrial
0040a603	CS	RETIRED_ProcedureContextFlagTrial
0040a730	SQ	ContentSequence
0040a731	SQ	RETIRED_RelationshipSequenceTrial
0040a732	SQ	RETIRED_RelationshipTypeCodeSequenceTrial
0040a744	SQ	RETIRED_LanguageCodeSequenceTrial
0040a801	SQ	TabulatedValuesSequence
0040a802	UL	NumberOfTableRows
0040a803	UL	NumberOfTableColumns
0040a804	UL	TableRowNumber
0040a805	UL	TableColumnNumber
0040a806	SQ	TableRowDefinitionSequence
0040a807	SQ	TableColumnDefinitionSequence
0040a808	SQ	CellValuesSequence
0040a992	ST	RETIRED_UniformResourceLocatorTrial
0040b020	SQ	WaveformAnnotationSequence
0040db00	CS	TemplateIdentifier
0040db06	DT	RETIRED_TemplateVersion
0040db07	DT	RETIRED_TemplateLocalVersion
0040db0b	CS	RETIRED_TemplateExtensionFlag
0040db0c	UI	RETIRED_TemplateExtensionOrganizationUID
0040db0d	UI	RETIRED_TemplateExtensionCreatorUID
0040db73	UL	ReferencedContentItemIdentifier
0040e001	ST	HL7InstanceIdentifier
0040e004	DT	HL7DocumentEffectiveTime
0040e006	SQ	HL7DocumentTypeCodeSequence
0040e008	SQ	DocumentClassCodeSequence
0040e010	UR	RetrieveURI
0040e011	UI	RetrieveLocationUID
0040e020	CS	TypeOfInstances
0040e021	SQ	DICOMRetrievalSequence
0040e022	SQ	DICOMMediaRetrievalSequence
0040e023	SQ	WADORetrievalSequence
0040e024	SQ	XDSRetrievalSequence
0040e025	SQ	WADORSRetrievalSequence
0040e030	UI	RepositoryUniqueID
0040e031	UI	HomeCommunityID
00420010	ST	DocumentTitle
00420011	OB	EncapsulatedDocument
00420012	LO	MIMETypeOfEncapsulatedDocument
00420013	SQ	SourceInstanceSequence
00420014	LO	ListOfMIMETypes
00420015	UL	EncapsulatedDocumentLength
00440001	ST	ProductPackageIdentifier
00440002	CS	SubstanceAdministrationApproval
00440003	LT	ApprovalStatusFurtherDescription
00440004	DT	ApprovalStatusDateTime
00440007	SQ	ProductTypeCodeSequence
00440008	LO	ProductName
00440009	LT	ProductDescription
0044000a	LO	ProductLotIdentifier
0044000b	DT	ProductExpirationDateTime
00440010	DT	SubstanceAdministrationDateTime
00440011	LO	SubstanceAdministrationNotes
00440012	LO	SubstanceAdministrationDeviceID
00440013	SQ	ProductParameterSequence
00440019	SQ	SubstanceAdministrationParameterSequence
00440100	SQ	ApprovalSequence
00440101	SQ	AssertionCodeSequence
00440102	UI	AssertionUID
00440103	SQ	AsserterIdentificationSequence
00440104	DT	AssertionDateTime
00440105	DT	AssertionExpirationDateTime
00440106	UT	AssertionComments
00440107	SQ	RelatedAssertionSequence
00440108	UI	ReferencedAssertionUID
00440109	SQ	ApprovalSubjectSequence
0044010a	SQ	OrganizationalRoleCodeSequence
00460012	LO	LensDescription
00460014	SQ	RightLensSequence
00460015	SQ	LeftLensSequence
00460016	SQ	UnspecifiedLateralityLensSequence
00460018	SQ	CylinderSequence
00460028	SQ	PrismSequence
00460030	FD	HorizontalPrismPower
00460032	CS	HorizontalPrismBase
00460034	FD	VerticalPrismPower
00460036	CS	VerticalPrismBase
00460038	CS	LensSegmentType
00460040	FD	OpticalTransmittance
00460042	FD	ChannelWidth
00460044	FD	PupilSize
00460046	FD	CornealSize
00460047	SQ	CornealSizeSequence
00460050	SQ	AutorefractionRightEyeSequence
00460052	SQ	AutorefractionLeftEyeSequence
00460060	FD	DistancePupillaryDistance
00460062	FD	NearPupillaryDistance
00460063	FD	IntermediatePupillaryDistance
00460064	FD	OtherPupillaryDistance
00460070	SQ	KeratometryRightEyeSequence
00460071	SQ	KeratometryLeftEyeSequence
00460074	SQ	SteepKeratometricAxisSequence
00460075	FD	RadiusOfCurvature
00460076	FD	KeratometricPower
00460077	FD	KeratometricAxis
00460080	SQ	FlatKeratometricAxisSequence
00460092	CS	BackgroundColor
00460094	CS	Optotype
00460095	CS	OptotypePresentation
00460097	SQ	SubjectiveRefractionRightEyeSequence
00460098	SQ	SubjectiveRefractionLeftEyeSequence
00460100	SQ	AddNearSequence
00460101	SQ	AddIntermediateSequence
00460102	SQ	AddOtherSequence
00460104	FD	AddPower
00460106	FD	ViewingDistance
00460110	SQ	CorneaMeasurementsSequence
00460111	SQ	SourceOfCorneaMeasurementDataCodeSequence
00460112	SQ	SteepCornealAxisSequence
00460113	SQ	FlatCornealAxisSequence
00460114	FD	CornealPower
00460115	FD	CornealAxis
00460116	SQ	CorneaMeasurementMethodCodeSequence
00460117	FL	RefractiveIndexOfCornea
00460118	FL	RefractiveIndexOfAqueousHumor
00460121	SQ	VisualAcuityTypeCodeSequence
00460122	SQ	VisualAcuityRightEyeSequence
00460123	SQ	VisualAcuityLeftEyeSequence
00460124	SQ	VisualAcuityBothEyesOpenSequence
00460125	CS	ViewingDistanceType
00460135	SS	VisualAcuityModifiers
00460137	FD	DecimalVisualAcuity
00460139	LO	OptotypeDetailedDefinition
00460145	SQ	ReferencedRefractiveMeasurementsSequence
00460146	FD	SpherePower
00460147	FD	CylinderPower
00460201	CS	CornealTopographySurface
00460202	FL	CornealVertexLocation
00460203	FL	PupilCentroidXCoordinate
00460204	FL	PupilCentroidYCoordinate
00460205	FL	EquivalentPupilRadius
00460207	SQ	CornealTopographyMapTypeCodeSequence
00460208	IS	VerticesOfTheOutlineOfPupil
00460210	SQ	CornealTopographyMappingNormalsSequence
00460211	SQ	MaximumCornealCurvatureSequence
00460212	FL	MaximumCornealCurvature
00460213	FL	MaximumCornealCurvatureLocation
00460215	SQ	MinimumKeratometricSequence
00460218	SQ	SimulatedKeratometricCylinderSequence
00460220	FL	AverageCornealPower
00460224	FL	CornealISValue
00460227	FL	AnalyzedArea
00460230	FL	SurfaceRegularityIndex
00460232	FL	SurfaceAsymmetryIndex
00460234	FL	CornealEccentricityIndex
00460236	FL	KeratoconusPredictionIndex
00460238	FL	DecimalPotentialVisualAcuity
00460242	CS	CornealTopographyMapQualityEvaluation
00460244	SQ	SourceImageCornealProcessedDataSequence
00460247	FL	CornealPointLocation
00460248	CS	CornealPointEstimated
00460249	FL	AxialPower
00460250	FL	TangentialPower
00460251	FL	RefractivePower
00460252	FL	RelativeElevation
00460253	FL	CornealWavefront
00480001	FL	ImagedVolumeWidth
00480002	FL	ImagedVolumeHeight
00480003	FL	ImagedVolumeDepth
00480006	UL	TotalPixelMatrixColumns
00480007	UL	TotalPixelMatrixRows
00480008	SQ	TotalPixelMatrixOriginSequence
00480010	CS	SpecimenLabelInImage
00480011	CS	FocusMethod
00480012	CS	ExtendedDepthOfField
00480013	US	NumberOfFocalPlanes
00480014	FL	DistanceBetweenFocalPlanes
00480015	US	RecommendedAbsentPixelCIELabValue
00480100	SQ	IlluminatorTypeCodeSequence
00480102	DS	ImageOrientationSlide
00480105	SQ	OpticalPathSequence
00480106	SH	OpticalPathIdentifier
00480107	ST	OpticalPathDescription
00480108	SQ	IlluminationColorCodeSequence
00480110	SQ	SpecimenReferenceSequence
00480111	DS	CondenserLensPower
00480112	DS	ObjectiveLensPower
00480113	DS	ObjectiveLensNumericalAperture
00480120	SQ	PaletteColorLookupTableSequence
00480200	SQ	RETIRED_ReferencedImageNavigationSequence
00480201	US	RETIRED_TopLeftHandCornerOfLocalizerArea
00480202	US	RETIRED_BottomRightHandCornerOfLocalizerArea
00480207	SQ	OpticalPathIdentificationSequence
0048021a	SQ	PlanePositionSlideSequence
0048021e	SL	ColumnPositionInTotalImagePixelMatrix
0048021f	SL	RowPositionInTotalImagePixelMatrix
00480301	CS	PixelOriginInterpretation
00480302	UL	NumberOfOpticalPaths
00480303	UL	TotalPixelMatrixFocalPlanes
00500004	CS	CalibrationImage
00500010	SQ	DeviceSequence
00500012	SQ	ContainerComponentTypeCodeSequence
00500013	FD	ContainerComponentThickness
00500014	DS	DeviceLength
00500015	FD	ContainerComponentWidth
00500016	DS	DeviceDiameter
00500017	CS	DeviceDiameterUnits
00500018	DS	DeviceVolume
00500019	DS	InterMarkerDistance
0050001a	CS	ContainerComponentMaterial
0050001b	LO	ContainerComponentID
0050001c	FD	ContainerComponentLength
0050001d	FD	ContainerComponentDiameter
0050001e	LO	ContainerComponentDescription
00500020	LO	DeviceDescription
00500021	ST	LongDeviceDescription
00520001	FL	ContrastBolusIngredientPercentByVolume
00520002	FD	OCTFocalDistance
00520003	FD	BeamSpotSize
00520004	FD	EffectiveRefractiveIndex
00520006	CS	OCTAcquisitionDomain
00520007	FD	OCTOpticalCenterWavelength
00520008	FD	AxialResolution
00520009	FD	RangingDepth
00520011	FD	ALineRate
00520012	US	ALinesPerFrame
00520013	FD	CatheterRotationalRate
00520014	FD	ALinePixelSpacing
00520016	SQ	ModeOfPercutaneousAccessSequence
00520025	SQ	IntravascularOCTFrameTypeSequence
00520026	CS	OCTZOffsetApplied
00520027	SQ	IntravascularFrameContentSequence
00520028	FD	IntravascularLongitudinalDistance
00520029	SQ	IntravascularOCTFrameContentSequence
00520030	SS	OCTZOffsetCorrection
00520031	CS	CatheterDirectionOfRotation
00520033	FD	SeamLineLocation
00520034	FD	FirstALineLocation
00520036	US	SeamLineIndex
00520038	US	NumberOfPaddedALines
00520039	CS	InterpolationType
0052003a	CS	RefractiveIndexApplied
00540010	US	EnergyWindowVector
00540011	US	NumberOfEnergyWindows
00540012	SQ	EnergyWindowInformationSequence
00540013	SQ	EnergyWindowRangeSequence
00540014	DS	EnergyWindowLowerLimit
00540015	DS	EnergyWindowUpperLimit
00540016	SQ	RadiopharmaceuticalInformationSequence
00540017	IS	ResidualSyringeCounts
00540018	SH	EnergyWindowName
00540020	US	DetectorVector
00540021	US	NumberOfDetectors
00540022	SQ	DetectorInformationSequence
00540030	US	PhaseVector
00540031	US	NumberOfPhases
00540032	SQ	PhaseInformationSequence
00540033	US	NumberOfFramesInPhase
00540036	IS	PhaseDelay
00540038	IS	PauseBetweenFrames
00540039	CS	PhaseDescription
00540050	US	RotationVector
00540051	US	NumberOfRotations
00540052	SQ	RotationInformationSequence
00540053	US	NumberOfFramesInRotation
00540060	US	RRIntervalVector
00540061	US	NumberOfRRIntervals
00540062	SQ	GatedInformationSequence
00540063	SQ	DataInformationSequence
00540070	US	TimeSlotVector
00540071	US	NumberOfTimeSlots
00540072	SQ	TimeSlotInformationSequence
00540073	DS	TimeSlotTime
00540080	US	SliceVector
00540081	US	NumberOfSlices
00540090	US	AngularViewVector
00540100	US	TimeSliceVector
00540101	US	NumberOfTimeSlices
00540200	DS	StartAngle
00540202	CS	TypeOfDetectorMotion
00540210	IS	TriggerVector
00540211	US	NumberOfTriggersInPhase
00540220	SQ	ViewCodeSequence
00540222	SQ	ViewModifierCodeSequence
00540300	SQ	RadionuclideCodeSequence
00540302	SQ	AdministrationRouteCodeSequence
00540304	SQ	RadiopharmaceuticalCodeSequence
00540306	SQ	CalibrationDataSequence
00540308	US	EnergyWindowNumber
00540400	SH	ImageID
00540410	SQ	PatientOrientationCodeSequence
00540412	SQ	PatientOrientationModifierCodeSequence
00540414	SQ	PatientGantryRelationshipCodeSequence
00540500	CS	SliceProgressionDirection
00540501	CS	ScanProgressionDirection
00541000	CS	SeriesType
00541001	CS	Units
00541002	CS	CountsSource
00541004	CS	ReprojectionMethod
00541006	CS	SUVType
00541100	CS	RandomsCorrectionMethod
00541101	LO	AttenuationCorrectionMethod
00541102	CS	DecayCorrection
00541103	LO	ReconstructionMethod
00541104	LO	DetectorLinesOfResponseUsed
00541105	LO	ScatterCorrectionMethod
00541200	DS	AxialAcceptance
00541201	IS	AxialMash
00541202	IS	TransverseMash
00541203	DS	DetectorElementSize
00541210	DS	CoincidenceWindowWidth
00541220	CS	SecondaryCountsType
00541300	DS	FrameReferenceTime
00541310	IS	PrimaryPromptsCountsAccumulated
00541311	IS	SecondaryCountsAccumulated
00541320	DS	SliceSensitivityFactor
00541321	DS	DecayFactor
00541322	DS	DoseCalibrationFactor
00541323	DS	ScatterFractionFactor
00541324	DS	DeadTimeFactor
00541330	US	ImageIndex
00541400	CS	RETIRED_CountsIncluded
00541401	CS	RETIRED_DeadTimeCorrectionFlag
00603000	SQ	HistogramSequence
00603002	US	HistogramNumberOfBins
00603004	xs	HistogramFirstBinValue
00603006	xs	HistogramLastBinValue
00603008	US	HistogramBinWidth
00603010	LO	HistogramExplanation
00603020	UL	HistogramData
00620001	CS	SegmentationType
00620002	SQ	SegmentSequence
00620003	SQ	SegmentedPropertyCategoryCodeSequence
00620004	US	SegmentNumber
00620005	LO	SegmentLabel
00620006	ST	SegmentDescription
00620007	SQ	SegmentationAlgorithmIdentificationSequence
00620008	CS	SegmentAlgorithmType
00620009	LO	SegmentAlgorithmName
0062000a	SQ	SegmentIdentificationSequence
0062000b	US	ReferencedSegmentNumber
0062000c	US	RecommendedDisplayGrayscaleValue
0062000d	US	RecommendedDisplayCIELabValue
0062000e	US	MaximumFractionalValue
0062000f	SQ	SegmentedPropertyTypeCodeSequence
00620010	CS	SegmentationFractionalType
00620011	SQ	SegmentedPropertyTypeModifierCodeSequence
00620012	SQ	UsedSegmentsSequence
00620013	CS	SegmentsOverlap
00620020	UT	TrackingID
00620021	UI	TrackingUID
00640002	SQ	DeformableRegistrationSequence
00640003	UI	SourceFrameOfReferenceUID
00640005	SQ	DeformableRegistrationGridSequence
00640007	UL	GridDimensions
00640008	FD	GridResolution
00640009	OF	VectorGridData
0064000f	SQ	PreDeformationMatrixRegistrationSequence
00640010	SQ	PostDeformationMatrixRegistrationSequence
00660001	UL	NumberOfSurfaces
00660002	SQ	SurfaceSequence
00660003	UL	SurfaceNumber
00660004	LT	SurfaceComments
00660009	CS	SurfaceProcessing
0066000a	FL	SurfaceProcessingRatio
0066000b	LO	SurfaceProcessingDescription
0066000c	FL	RecommendedPresentationOpacity
0066000d	CS	RecommendedPresentationType
0066000e	CS	FiniteVolume
00660010	CS	Manifold
00660011	SQ	SurfacePointsSequence
00660012	SQ	SurfacePointsNormalsSequence
00660013	SQ	SurfaceMeshPrimitivesSequence
00660015	UL	NumberOfSurfacePoints
00660016	OF	PointCoordinatesData
00660017	FL	PointPositionAccuracy
00660018	FL	MeanPointDistance
00660019	FL	MaximumPointDistance
0066001a	FL	PointsBoundingBoxCoordinates
0066001b	FL	AxisOfRotation
0066001c	FL	CenterOfRotation
0066001e	UL	NumberOfVectors
0066001f	US	VectorDimensionality
00660020	FL	VectorAccuracy
00660021	OF	VectorCoordinateData
00660022	OD	DoublePointCoordinatesData
00660023	OW	RETIRED_TrianglePointIndexList
00660024	OW	RETIRED_EdgePointIndexList
00660025	OW	RETIRED_VertexPointIndexList
00660026	SQ	TriangleStripSequence
00660027	SQ	TriangleFanSequence
00660028	SQ	LineSequence
00660029	OW	RETIRED_PrimitivePointIndexList
0066002a	UL	SurfaceCount
0066002b	SQ	ReferencedSurfaceSequence
0066002c	UL	ReferencedSurfaceNumber
0066002d	SQ	SegmentSurfaceGenerationAlgorithmIdentificationSequence
0066002e	SQ	SegmentSurfaceSourceInstanceSequence
0066002f	SQ	AlgorithmFamilyCodeSequence
00660030	SQ	AlgorithmNameCodeSequence
00660031	LO	AlgorithmVersion
00660032	LT	AlgorithmParameters
00660034	SQ	FacetSequence
00660035	SQ	SurfaceProcessingAlgorithmIdentificationSequence
00660036	LO	AlgorithmName
00660037	FL	RecommendedPointRadius
00660038	FL	RecommendedLineThickness
00660040	OL	LongPrimitivePointIndexList
00660041	OL	LongTrianglePointIndexList
00660042	OL	LongEdgePointIndexList
00660043	OL	LongVertexPointIndexList
00660101	SQ	TrackSetSequence
00660102	SQ	TrackSequence
00660103	OW	RecommendedDisplayCIELabValueList
00660104	SQ	TrackingAlgorithmIdentificationSequence
00660105	UL	TrackSetNumber
00660106	LO	TrackSetLabel
00660107	UT	TrackSetDescription
00660108	SQ	TrackSetAnatomicalTypeCodeSequence
00660121	SQ	MeasurementsSequence
00660124	SQ	TrackSetStatisticsSequence
00660125	OF	FloatingPointValues
00660129	OL	TrackPointIndexList
00660130	SQ	TrackStatisticsSequence
00660132	SQ	MeasurementValuesSequence
00660133	SQ	DiffusionAcquisitionCodeSequence
00660134	SQ	DiffusionModelCodeSequence
00686210	LO	ImplantSize
00686221	LO	ImplantTemplateVersion
00686222	SQ	ReplacedImplantTemplateSequence
00686223	CS	ImplantType
00686224	SQ	DerivationImplantTemplateSequence
00686225	SQ	OriginalImplantTemplateSequence
00686226	DT	EffectiveDateTime
00686230	SQ	ImplantTargetAnatomySequence
00686260	SQ	InformationFromManufacturerSequence
00686265	SQ	NotificationFromManufacturerSequence
00686270	DT	InformationIssueDateTime
00686280	ST	InformationSummary
006862a0	SQ	ImplantRegulatoryDisapprovalCodeSequence
006862a5	FD	OverallTemplateSpatialTolerance
006862c0	SQ	HPGLDocumentSequence
006862d0	US	HPGLDocumentID
006862d5	LO	HPGLDocumentLabel
006862e0	SQ	ViewOrientationCodeSequence
006862f0	SQ	ViewOrientationModifierCodeSequence
006862f2	FD	HPGLDocumentScaling
00686300	OB	HPGLDocument
00686310	US	HPGLContourPenNumber
00686320	SQ	HPGLPenSequence
00686330	US	HPGLPenNumber
00686340	LO	HPGLPenLabel
00686345	ST	HPGLPenDescription
00686346	FD	RecommendedRotationPoint
00686347	FD	BoundingRectangle
00686350	US	ImplantTemplate3DModelSurfaceNumber
00686360	SQ	SurfaceModelDescriptionSequence
00686380	LO	SurfaceModelLabel
00686390	FD	SurfaceModelScalingFactor
006863a0	SQ	MaterialsCodeSequence
006863a4	SQ	CoatingMaterialsCodeSequence
006863a8	SQ	ImplantTypeCodeSequence
006863ac	SQ	FixationMethodCodeSequence
006863b0	SQ	MatingFeatureSetsSequence
006863c0	US	MatingFeatureSetID
006863d0	LO	MatingFeatureSetLabel
006863e0	SQ	MatingFeatureSequence
006863f0	US	MatingFeatureID
00686400	SQ	MatingFeatureDegreeOfFreedomSequence
00686410	US	DegreeOfFreedomID
00686420	CS	DegreeOfFreedomType
00686430	SQ	TwoDMatingFeatureCoordinatesSequence
00686440	US	ReferencedHPGLDocumentID
00686450	FD	TwoDMatingPoint
00686460	FD	TwoDMatingAxes
00686470	SQ	TwoDDegreeOfFreedomSequence
00686490	FD	ThreeDDegreeOfFreedomAxis
006864a0	FD	RangeOfFreedom
006864c0	FD	ThreeDMatingPoint
006864d0	FD	ThreeDMatingAxes
006864f0	FD	TwoDDegreeOfFreedomAxis
00686500	SQ	PlanningLandmarkPointSequence
00686510	SQ	PlanningLandmarkLineSequence
00686520	SQ	PlanningLandmarkPlaneSequence
00686530	US	PlanningLandmarkID
00686540	LO	PlanningLandmarkDescription
00686545	SQ	PlanningLandmarkIdentificationCodeSequence
00686550	SQ	TwoDPointCoordinatesSequence
00686560	FD	TwoDPointCoordinates
00686590	FD	ThreeDPointCoordinates
006865a0	SQ	TwoDLineCoordinatesSequence
006865b0	FD	TwoDLineCoordinates
006865d0	FD	ThreeDLineCoordinates
006865e0	SQ	TwoDPlaneCoordinatesSequence
006865f0	FD	TwoDPlaneIntersection
00686610	FD	ThreeDPlaneOrigin
00686620	FD	ThreeDPlaneNormal
00687001	CS	ModelModification
00687002	CS	ModelMirroring
00687003	SQ	ModelUsageCodeSequence
00687004	UI	ModelGroupUID
00687005	UR	RelativeURIReferenceWithinEncapsulatedDocument
006a0001	CS	AnnotationCoordinateType
006a0002	SQ	AnnotationGroupSequence
006a0003	UI	AnnotationGroupUID
006a0005	LO	AnnotationGroupLabel
006a0006	UT	AnnotationGroupDescription
006a0007	CS	AnnotationGroupGenerationType
006a0008	SQ	AnnotationGroupAlgorithmIdentificationSequence
006a0009	SQ	AnnotationPropertyCategoryCodeSequence
006a000a	SQ	AnnotationPropertyTypeCodeSequence
006a000b	SQ	AnnotationPropertyTypeModifierCodeSequence
006a000c	UL	NumberOfAnnotations
006a000d	CS	AnnotationAppliesToAllOpticalPaths
006a000e	SH	ReferencedOpticalPathIdentifier
006a000f	CS	AnnotationAppliesToAllZPlanes
006a0010	FD	CommonZCoordinateValue
006a0011	OL	AnnotationIndexList
00700001	SQ	GraphicAnnotationSequence
00700002	CS	GraphicLayer
00700003	CS	BoundingBoxAnnotationUnits
00700004	CS	AnchorPointAnnotationUnits
00700005	CS	GraphicAnnotationUnits
00700006	ST	UnformattedTextValue
00700008	SQ	TextObjectSequence
00700009	SQ	GraphicObjectSequence
00700010	FL	BoundingBoxTopLeftHandCorner
00700011	FL	BoundingBoxBottomRightHandCorner
00700012	CS	BoundingBoxTextHorizontalJustification
00700014	FL	AnchorPoint
00700015	CS	AnchorPointVisibility
00700020	US	GraphicDimensions
00700021	US	NumberOfGraphicPoints
00700022	FL	GraphicData
00700023	CS	GraphicType
00700024	CS	GraphicFilled
00700040	IS	RETIRED_ImageRotationRetired
00700041	CS	ImageHorizontalFlip
00700042	US	ImageRotation
00700050	US	RETIRED_DisplayedAreaTopLeftHandCornerTrial
00700051	US	RETIRED_DisplayedAreaBottomRightHandCornerTrial
00700052	SL	DisplayedAreaTopLeftHandCorner
00700053	SL	DisplayedAreaBottomRightHandCorner
0070005a	SQ	DisplayedAreaSelectionSequence
00700060	SQ	GraphicLayerSequence
00700062	IS	GraphicLayerOrder
00700066	US	GraphicLayerRecommendedDisplayGrayscaleValue
00700067	US	RETIRED_GraphicLayerRecommendedDisplayRGBValue
00700068	LO	GraphicLayerDescription
00700080	CS	ContentLabel
00700081	LO	ContentDescription
00700082	DA	PresentationCreationDate
00700083	TM	PresentationCreationTime
00700084	PN	ContentCreatorName
00700086	SQ	ContentCreatorIdentificationCodeSequence
00700087	SQ	AlternateContentDescriptionSequence
00700100	CS	PresentationSizeMode
00700101	DS	PresentationPixelSpacing
00700102	IS	PresentationPixelAspectRatio
00700103	FL	PresentationPixelMagnificationRatio
00700207	LO	GraphicGroupLabel
00700208	ST	GraphicGroupDescription
00700209	SQ	CompoundGraphicSequence
00700226	UL	CompoundGraphicInstanceID
00700227	LO	FontName
00700228	CS	FontNameType
00700229	LO	CSSFontName
00700230	FD	RotationAngle
00700231	SQ	TextStyleSequence
00700232	SQ	LineStyleSequence
00700233	SQ	FillStyleSequence
00700234	SQ	GraphicGroupSequence
00700241	US	TextColorCIELabValue
00700242	CS	HorizontalAlignment
00700243	CS	VerticalAlignment
00700244	CS	ShadowStyle
00700245	FL	ShadowOffsetX
00700246	FL	ShadowOffsetY
00700247	US	ShadowColorCIELabValue
00700248	CS	Underlined
00700249	CS	Bold
00700250	CS	Italic
00700251	US	PatternOnColorCIELabValue
00700252	US	PatternOffColorCIELabValue
00700253	FL	LineThickness
00700254	CS	LineDashingStyle
00700255	UL	LinePattern
00700256	OB	FillPattern
00700257	CS	FillMode
00700258	FL	ShadowOpacity
00700261	FL	GapLength
00700262	FL	DiameterOfVisibility
00700273	FL	RotationPoint
00700274	CS	TickAlignment
00700278	CS	ShowTickLabel
00700279	CS	TickLabelAlignment
00700282	CS	CompoundGraphicUnits
00700284	FL	PatternOnOpacity
00700285	FL	PatternOffOpacity
00700287	SQ	MajorTicksSequence
00700288	FL	TickPosition
00700289	SH	TickLabel
00700294	CS	CompoundGraphicType
00700295	UL	GraphicGroupID
00700306	CS	ShapeType
00700308	SQ	RegistrationSequence
00700309	SQ	MatrixRegistrationSequence
0070030a	SQ	MatrixSequence
0070030b	FD	FrameOfReferenceToDisplayedCoordinateSystemTransformationMatrix
0070030c	CS	FrameOfReferenceTransformationMatrixType
0070030d	SQ	RegistrationTypeCodeSequence
0070030f	ST	FiducialDescription
00700310	SH	FiducialIdentifier
00700311	SQ	FiducialIdentifierCodeSequence
00700312	FD	ContourUncertaintyRadius
00700314	SQ	UsedFiducialsSequence
00700318	SQ	GraphicCoordinatesDataSequence
0070031a	UI	FiducialUID
0070031b	UI	ReferencedFiducialUID
0070031c	SQ	FiducialSetSequence
0070031e	SQ	FiducialSequence
0070031f	SQ	FiducialsPropertyCategoryCodeSequence
00700401	US	GraphicLayerRecommendedDisplayCIELabValue
00700402	SQ	BlendingSequence
00700403	FL	RelativeOpacity
00700404	SQ	ReferencedSpatialRegistrationSequence
00700405	CS	BlendingPosition
00701101	UI	PresentationDisplayCollectionUID
00701102	UI	PresentationSequenceCollectionUID
00701103	US	PresentationSequencePositionIndex
00701104	SQ	RenderedImageReferenceSequence
00701201	SQ	VolumetricPresentationStateInputSequence
00701202	CS	PresentationInputType
00701203	US	InputSequencePositionIndex
00701204	CS	Crop
00701205	US	CroppingSpecificationIndex
00701206	CS	RETIRED_CompositingMethod
00701207	US	VolumetricPresentationInputNumber
00701208	CS	ImageVolumeGeometry
00701209	UI	VolumetricPresentationInputSetUID
0070120a	SQ	VolumetricPresentationInputSetSequence
0070120b	CS	GlobalCrop
0070120c	US	GlobalCroppingSpecificationIndex
0070120d	CS	RenderingMethod
00701301	SQ	VolumeCroppingSequence
00701302	CS	VolumeCroppingMethod
00701303	FD	BoundingBoxCrop
00701304	SQ	ObliqueCroppingPlaneSequence
00701305	FD	Plane
00701306	FD	PlaneNormal
00701309	US	CroppingSpecificationNumber
00701501	CS	MultiPlanarReconstructionStyle
00701502	CS	MPRThicknessType
00701503	FD	MPRSlabThickness
00701505	FD	MPRTopLeftHandCorner
00701507	FD	MPRViewWidthDirection
00701508	FD	MPRViewWidth
0070150c	UL	NumberOfVolumetricCurvePoints
0070150d	OD	VolumetricCurvePoints
00701511	FD	MPRViewHeightDirection
00701512	FD	MPRViewHeight
00701602	CS	RenderProjection
00701603	FD	ViewpointPosition
00701604	FD	ViewpointLookAtPoint
00701605	FD	ViewpointUpDirection
00701606	FD	RenderFieldOfView
00701607	FD	SamplingStepSize
00701701	CS	ShadingStyle
00701702	FD	AmbientReflectionIntensity
00701703	FD	LightDirection
00701704	FD	DiffuseReflectionIntensity
00701705	FD	SpecularReflectionIntensity
00701706	FD	Shininess
00701801	SQ	PresentationStateClassificationComponentSequence
00701802	CS	ComponentType
00701803	SQ	ComponentInputSequence
00701804	US	VolumetricPresentationInputIndex
00701805	SQ	PresentationStateCompositorComponentSequence
00701806	SQ	WeightingTransferFunctionSequence
00701807	US	WeightingLookupTableDescriptor
00701808	OB	WeightingLookupTableData
00701901	SQ	VolumetricAnnotationSequence
00701903	SQ	ReferencedStructuredContextSequence
00701904	UI	ReferencedContentItem
00701905	SQ	VolumetricPresentationInputAnnotationSequence
00701907	CS	AnnotationClipping
00701a01	CS	PresentationAnimationStyle
00701a03	FD	RecommendedAnimationRate
00701a04	SQ	AnimationCurveSequence
00701a05	FD	AnimationStepSize
00701a06	FD	SwivelRange
00701a07	OD	VolumetricCurveUpDirections
00701a08	SQ	VolumeStreamSequence
00701a09	LO	RGBATransferFunctionDescription
00701b01	SQ	AdvancedBlendingSequence
00701b02	US	BlendingInputNumber
00701b03	SQ	BlendingDisplayInputSequence
00701b04	SQ	BlendingDisplaySequence
00701b06	CS	BlendingMode
00701b07	CS	TimeSeriesBlending
00701b08	CS	GeometryForDisplay
00701b11	SQ	ThresholdSequence
00701b12	SQ	ThresholdValueSequence
00701b13	CS	ThresholdType
00701b14	FD	ThresholdValue
00720002	SH	HangingProtocolName
00720004	LO	HangingProtocolDescription
00720006	CS	HangingProtocolLevel
00720008	LO	HangingProtocolCreator
0072000a	DT	HangingProtocolCreationDateTime
0072000c	SQ	HangingProtocolDefinitionSequence
0072000e	SQ	HangingProtocolUserIdentificationCodeSequence
00720010	LO	HangingProtocolUserGroupName
00720012	SQ	SourceHangingProtocolSequence
00720014	US	NumberOfPriorsReferenced
00720020	SQ	ImageSetsSequence
00720022	SQ	ImageSetSelectorSequence
00720024	CS	ImageSetSelectorUsageFlag
00720026	AT	SelectorAttribute
00720028	US	SelectorValueNumber
00720030	SQ	TimeBasedImageSetsSequence
00720032	US	ImageSetNumber
00720034	CS	ImageSetSelectorCategory
00720038	US	RelativeTime
0072003a	CS	RelativeTimeUnits
0072003c	SS	AbstractPriorValue
0072003e	SQ	AbstractPriorCodeSequence
00720040	LO	ImageSetLabel
00720050	CS	SelectorAttributeVR
00720052	AT	SelectorSequencePointer
00720054	LO	SelectorSequencePointerPrivateCreator
00720056	LO	SelectorAttributePrivateCreator
0072005e	AE	SelectorAEValue
0072005f	AS	SelectorASValue
00720060	AT	SelectorATValue
00720061	DA	SelectorDAValue
00720062	CS	SelectorCSValue
00720063	DT	SelectorDTValue
00720064	IS	SelectorISValue
00720065	OB	SelectorOBValue
00720066	LO	SelectorLOValue
00720067	OF	SelectorOFValue
00720068	LT	SelectorLTValue
00720069	OW	SelectorOWValue
0072006a	PN	SelectorPNValue
0072006b	TM	SelectorTMValue
0072006c	SH	SelectorSHValue
0072006d	UN	SelectorUNValue
0072006e	ST	SelectorSTValue
0072006f	UC	SelectorUCValue
00720070	UT	SelectorUTValue
00720071	UR	SelectorURValue
00720072	DS	SelectorDSValue
00720073	OD	SelectorODValue
00720074	FD	SelectorFDValue
00720075	OL	SelectorOLValue
00720076	FL	SelectorFLValue
00720078	UL	SelectorULValue
0072007a	US	SelectorUSValue
0072007c	SL	SelectorSLValue
0072007e	SS	SelectorSSValue
0072007f	UI	SelectorUIValue
00720080	SQ	SelectorCodeSequenceValue
00720081	OV	SelectorOVValue
00720082	SV	SelectorSVValue
00720083	UV	SelectorUVValue
00720100	US	NumberOfScreens
00720102	SQ	NominalScreenDefinitionSequence
00720104	US	NumberOfVerticalPixels
00720106	US	NumberOfHorizontalPixels
00720108	FD	DisplayEnvironmentSpatialPosition
0072010a	US	ScreenMinimumGrayscaleBitDepth
0072010c	US	ScreenMinimumColorBitDepth
0072010e	US	ApplicationMaximumRepaintTime
00720200	SQ	DisplaySetsSequence
00720202	US	DisplaySetNumber
00720203	LO	DisplaySetLabel
00720204	US	DisplaySetPresentationGroup
00720206	LO	DisplaySetPresentationGroupDescription
00720208	CS	PartialDataDisplayHandling
00720210	SQ	SynchronizedScrollingSequence
00720212	US	DisplaySetScrollingGroup
00720214	SQ	NavigationIndicatorSequence
00720216	US	NavigationDisplaySet
00720218	US	ReferenceDisplaySets
00720300	SQ	ImageBoxesSequence
00720302	US	ImageBoxNumber
00720304	CS	ImageBoxLayoutType
00720306	US	ImageBoxTileHorizontalDimension
00720308	US	ImageBoxTileVerticalDimension
00720310	CS	ImageBoxScrollDirection
00720312	CS	ImageBoxSmallScrollType
00720314	US	ImageBoxSmallScrollAmount
00720316	CS	ImageBoxLargeScrollType
00720318	US	ImageBoxLargeScrollAmount
00720320	US	ImageBoxOverlapPriority
00720330	FD	CineRelativeToRealTime
00720400	SQ	FilterOperationsSequence
00720402	CS	FilterByCategory
00720404	CS	FilterByAttributePresence
00720406	CS	FilterByOperator
00720420	US	StructuredDisplayBackgroundCIELabValue
00720421	US	EmptyImageBoxCIELabValue
00720422	SQ	StructuredDisplayImageBoxSequence
00720424	SQ	StructuredDisplayTextBoxSequence
00720427	SQ	ReferencedFirstFrameSequence
00720430	SQ	ImageBoxSynchronizationSequence
00720432	US	SynchronizedImageBoxList
00720434	CS	TypeOfSynchronization
00720500	CS	BlendingOperationType
00720510	CS	ReformattingOperationType
00720512	FD	ReformattingThickness
00720514	FD	ReformattingInterval
00720516	CS	ReformattingOperationInitialViewDirection
00720520	CS	ThreeDRenderingType
00720600	SQ	SortingOperationsSequence
00720602	CS	SortByCategory
00720604	CS	SortingDirection
00720700	CS	DisplaySetPatientOrientation
00720702	CS	VOIType
00720704	CS	PseudoColorType
00720705	SQ	PseudoColorPaletteInstanceReferenceSequence
00720706	CS	ShowGrayscaleInverted
00720710	CS	ShowImageTrueSizeFlag
00720712	CS	ShowGraphicAnnotationFlag
00720714	CS	ShowPatientDemographicsFlag
00720716	CS	ShowAcquisitionTechniquesFlag
00720717	CS	DisplaySetHorizontalJustification
00720718	CS	DisplaySetVerticalJustification
00740120	FD	ContinuationStartMeterset
00740121	FD	ContinuationEndMeterset
00741000	CS	ProcedureStepState
00741002	SQ	ProcedureStepProgressInformationSequence
00741004	DS	ProcedureStepProgress
00741006	ST	ProcedureStepProgressDescription
00741007	SQ	ProcedureStepProgressParametersSequence
00741008	SQ	ProcedureStepCommunicationsURISequence
0074100a	UR	ContactURI
0074100c	LO	ContactDisplayName
0074100e	SQ	ProcedureStepDiscontinuationReasonCodeSequence
00741020	SQ	BeamTaskSequence
00741022	CS	BeamTaskType
00741024	IS	RETIRED_BeamOrderIndexTrial
00741025	CS	AutosequenceFlag
00741026	FD	TableTopVerticalAdjustedPosition
00741027	FD	TableTopLongitudinalAdjustedPosition
00741028	FD	TableTopLateralAdjustedPosition
0074102a	FD	PatientSupportAdjustedAngle
0074102b	FD	TableTopEccentricAdjustedAngle
0074102c	FD	TableTopPitchAdjustedAngle
0074102d	FD	TableTopRollAdjustedAngle
00741030	SQ	DeliveryVerificationImageSequence
00741032	CS	VerificationImageTiming
00741034	CS	DoubleExposureFlag
00741036	CS	DoubleExposureOrdering
00741038	DS	RETIRED_DoubleExposureMetersetTrial
0074103a	DS	RETIRED_DoubleExposureFieldDeltaTrial
00741040	SQ	RelatedReferenceRTImageSequence
00741042	SQ	GeneralMachineVerificationSequence
00741044	SQ	ConventionalMachineVerificationSequence
00741046	SQ	IonMachineVerificationSequence
00741048	SQ	FailedAttributesSequence
0074104a	SQ	OverriddenAttributesSequence
0074104c	SQ	ConventionalControlPointVerificationSequence
0074104e	SQ	IonControlPointVerificationSequence
00741050	SQ	AttributeOccurrenceSequence
00741052	AT	AttributeOccurrencePointer
00741054	UL	AttributeItemSelector
00741056	LO	AttributeOccurrencePrivateCreator
00741057	IS	SelectorSequencePointerItems
00741200	CS	ScheduledProcedureStepPriority
00741202	LO	WorklistLabel
00741204	LO	ProcedureStepLabel
00741210	SQ	ScheduledProcessingParametersSequence
00741212	SQ	PerformedProcessingParametersSequence
00741216	SQ	UnifiedProcedureStepPerformedProcedureSequence
00741220	SQ	RETIRED_RelatedProcedureStepSequence
00741222	LO	RETIRED_ProcedureStepRelationshipType
00741224	SQ	ReplacedProcedureStepSequence
00741230	LO	DeletionLock
00741234	AE	ReceivingAE
00741236	AE	RequestingAE
00741238	LT	ReasonForCancellation
00741242	CS	SCPStatus
00741244	CS	SubscriptionListStatus
00741246	CS	UnifiedProcedureStepListStatus
00741324	UL	BeamOrderIndex
00741338	FD	DoubleExposureMeterset
0074133a	FD	DoubleExposureFieldDelta
00741401	SQ	BrachyTaskSequence
00741402	DS	ContinuationStartTotalReferenceAirKerma
00741403	DS	ContinuationEndTotalReferenceAirKerma
00741404	IS	ContinuationPulseNumber
00741405	SQ	ChannelDeliveryOrderSequence
00741406	IS	ReferencedChannelNumber
00741407	DS	StartCumulativeTimeWeight
00741408	DS	EndCumulativeTimeWeight
00741409	SQ	OmittedChannelSequence
0074140a	CS	ReasonForChannelOmission
0074140b	LO	ReasonForChannelOmissionDescription
0074140c	IS	ChannelDeliveryOrderIndex
0074140d	SQ	ChannelDeliveryContinuationSequence
0074140e	SQ	OmittedApplicationSetupSequence
00760001	LO	ImplantAssemblyTemplateName
00760003	LO	ImplantAssemblyTemplateIssuer
00760006	LO	ImplantAssemblyTemplateVersion
00760008	SQ	ReplacedImplantAssemblyTemplateSequence
0076000a	CS	ImplantAssemblyTemplateType
0076000c	SQ	OriginalImplantAssemblyTemplateSequence
0076000e	SQ	DerivationImplantAssemblyTemplateSequence
00760010	SQ	ImplantAssemblyTemplateTargetAnatomySequence
00760020	SQ	ProcedureTypeCodeSequence
00760030	LO	SurgicalTechnique
00760032	SQ	ComponentTypesSequence
00760034	SQ	ComponentTypeCodeSequence
00760036	CS	ExclusiveComponentType
00760038	CS	MandatoryComponentType
00760040	SQ	ComponentSequence
00760055	US	ComponentID
00760060	SQ	ComponentAssemblySequence
00760070	US	Component1ReferencedID
00760080	US	Component1ReferencedMatingFeatureSetID
00760090	US	Component1ReferencedMatingFeatureID
007600a0	US	Component2ReferencedID
007600b0	US	Component2ReferencedMatingFeatureSetID
007600c0	US	Component2ReferencedMatingFeatureID
00780001	LO	ImplantTemplateGroupName
00780010	ST	ImplantTemplateGroupDescription
00780020	LO	ImplantTemplateGroupIssuer
00780024	LO	ImplantTemplateGroupVersion
00780026	SQ	ReplacedImplantTemplateGroupSequence
00780028	SQ	ImplantTemplateGroupTargetAnatomySequence
0078002a	SQ	ImplantTemplateGroupMembersSequence
0078002e	US	ImplantTemplateGroupMemberID
00780050	FD	ThreeDImplantTemplateGroupMemberMatchingPoint
00780060	FD	ThreeDImplantTemplateGroupMemberMatchingAxes
00780070	SQ	ImplantTemplateGroupMemberMatching2DCoordinatesSequence
00780090	FD	TwoDImplantTemplateGroupMemberMatchingPoint
007800a0	FD	TwoDImplantTemplateGroupMemberMatchingAxes
007800b0	SQ	ImplantTemplateGroupVariationDimensionSequence
007800b2	LO	ImplantTemplateGroupVariationDimensionName
007800b4	SQ	ImplantTemplateGroupVariationDimensionRankSequence
007800b6	US	ReferencedImplantTemplateGroupMemberID
007800b8	US	ImplantTemplateGroupVariationDimensionRank
00800001	SQ	SurfaceScanAcquisitionTypeCodeSequence
00800002	SQ	SurfaceScanModeCodeSequence
00800003	SQ	RegistrationMethodCodeSequence
00800004	FD	ShotDurationTime
00800005	FD	ShotOffsetTime
00800006	US	SurfacePointPresentationValueData
00800007	US	SurfacePointColorCIELabValueData
00800008	SQ	UVMappingSequence
00800009	SH	TextureLabel
00800010	OF	UValueData
00800011	OF	VValueData
00800012	SQ	ReferencedTextureSequence
00800013	SQ	ReferencedSurfaceDataSequence
00820001	CS	AssessmentSummary
00820003	UT	AssessmentSummaryDescription
00820004	SQ	AssessedSOPInstanceSequence
00820005	SQ	ReferencedComparisonSOPInstanceSequence
00820006	UL	NumberOfAssessmentObservations
00820007	SQ	AssessmentObservationsSequence
00820008	CS	ObservationSignificance
0082000a	UT	ObservationDescription
0082000c	SQ	StructuredConstraintObservationSequence
00820010	SQ	AssessedAttributeValueSequence
00820016	LO	AssessmentSetID
00820017	SQ	AssessmentRequesterSequence
00820018	LO	SelectorAttributeName
00820019	LO	SelectorAttributeKeyword
00820021	SQ	AssessmentTypeCodeSequence
00820022	SQ	ObservationBasisCodeSequence
00820023	LO	AssessmentLabel
00820032	CS	ConstraintType
00820033	UT	SpecificationSelectionGuidance
00820034	SQ	ConstraintValueSequence
00820035	SQ	RecommendedDefaultValueSequence
00820036	CS	ConstraintViolationSignificance
00820037	UT	ConstraintViolationCondition
00820038	CS	ModifiableConstraintFlag
00880130	SH	StorageMediaFileSetID
00880140	UI	StorageMediaFileSetUID
00880200	SQ	IconImageSequence
00880904	LO	RETIRED_TopicTitle
00880906	ST	RETIRED_TopicSubject
00880910	LO	RETIRED_TopicAuthor
00880912	LO	RETIRED_TopicKeywords
01000410	CS	SOPInstanceStatus
01000420	DT	SOPAuthorizationDateTime
01000424	LT	SOPAuthorizationComment
01000426	LO	AuthorizationEquipmentCertificationNumber
04000005	US	MACIDNumber
04000010	UI	MACCalculationTransferSyntaxUID
04000015	CS	MACAlgorithm
04000020	AT	DataElementsSigned
04000100	UI	DigitalSignatureUID
04000105	DT	DigitalSignatureDateTime
04000110	CS	CertificateType
04000115	OB	CertificateOfSigner
04000120	OB	Signature
04000305	CS	CertifiedTimestampType
04000310	OB	CertifiedTimestamp
04000401	SQ	DigitalSignaturePurposeCodeSequence
04000402	SQ	ReferencedDigitalSignatureSequence
04000403	SQ	ReferencedSOPInstanceMACSequence
04000404	OB	MAC
04000500	SQ	EncryptedAttributesSequence
04000510	UI	EncryptedContentTransferSyntaxUID
04000520	OB	EncryptedContent
04000550	SQ	ModifiedAttributesSequence
04000551	SQ	NonconformingModifiedAttributesSequence
04000552	OB	NonconformingDataElementValue
04000561	SQ	OriginalAttributesSequence
04000562	DT	AttributeModificationDateTime
04000563	LO	ModifyingSystem
04000564	LO	SourceOfPreviousValues
04000565	CS	ReasonForTheAttributeModification
04000600	CS	InstanceOriginStatus
10000010	US	RETIRED_EscapeTriplet
10000011	US	RETIRED_RunLengthTriplet
10000012	US	RETIRED_HuffmanTableSize
10000013	US	RETIRED_HuffmanTableTriplet
10000014	US	RETIRED_ShiftTableSize
10000015	US	RETIRED_ShiftTableTriplet
10100004	US	RETIRED_ZonalMap
20000010	IS	NumberOfCopies
2000001e	SQ	PrinterConfigurationSequence
20000020	CS	PrintPriority
20000030	CS	MediumType
20000040	CS	FilmDestination
20000050	LO	FilmSessionLabel
20000060	IS	MemoryAllocation
20000061	IS	MaximumMemoryAllocation
20000062	CS	RETIRED_ColorImagePrintingFlag
20000063	CS	RETIRED_CollationFlag
20000065	CS	RETIRED_AnnotationFlag
20000067	CS	RETIRED_ImageOverlayFlag
20000069	CS	RETIRED_PresentationLUTFlag
2000006a	CS	RETIRED_ImageBoxPresentationLUTFlag
200000a0	US	MemoryBitDepth
200000a1	US	PrintingBitDepth
200000a2	SQ	MediaInstalledSequence
200000a4	SQ	OtherMediaAvailableSequence
200000a8	SQ	SupportedImageDisplayFormatsSequence
20000500	SQ	ReferencedFilmBoxSequence
20000510	SQ	RETIRED_ReferencedStoredPrintSequence
20100010	ST	ImageDisplayFormat
20100030	CS	AnnotationDisplayFormatID
20100040	CS	FilmOrientation
20100050	CS	FilmSizeID
20100052	CS	PrinterResolutionID
20100054	CS	DefaultPrinterResolutionID
20100060	CS	MagnificationType
20100080	CS	SmoothingType
201000a6	CS	DefaultMagnificationType
201000a7	CS	OtherMagnificationTypesAvailable
201000a8	CS	DefaultSmoothingType
201000a9	CS	OtherSmoothingTypesAvailable
20100100	CS	BorderDensity
20100110	CS	EmptyImageDensity
20100120	US	MinDensity
20100130	US	MaxDensity
20100140	CS	Trim
20100150	ST	ConfigurationInformation
20100152	LT	ConfigurationInformationDescription
20100154	IS	MaximumCollatedFilms
2010015e	US	Illumination
20100160	US	ReflectedAmbientLight
20100376	DS	PrinterPixelSpacing
20100500	SQ	ReferencedFilmSessionSequence
20100510	SQ	ReferencedImageBoxSequence
20100520	SQ	ReferencedBasicAnnotationBoxSequence
20200010	US	ImageBoxPosition
20200020	CS	Polarity
20200030	DS	RequestedImageSize
20200040	CS	RequestedDecimateCropBehavior
20200050	CS	RequestedResolutionID
202000a0	CS	RequestedImageSizeFlag
202000a2	CS	DecimateCropResult
20200110	SQ	BasicGrayscaleImageSequence
20200111	SQ	BasicColorImageSequence
20200130	SQ	RETIRED_ReferencedImageOverlayBoxSequence
20200140	SQ	RETIRED_ReferencedVOILUTBoxSequence
20300010	US	AnnotationPosition
20300020	LO	TextString
20400010	SQ	RETIRED_ReferencedOverlayPlaneSequence
20400011	US	RETIRED_ReferencedOverlayPlaneGroups
20400020	SQ	RETIRED_OverlayPixelDataSequence
20400060	CS	RETIRED_OverlayMagnificationType
20400070	CS	RETIRED_OverlaySmoothingType
20400072	CS	RETIRED_OverlayOrImageMagnification
20400074	US	RETIRED_MagnifyToNumberOfColumns
20400080	CS	RETIRED_OverlayForegroundDensity
20400082	CS	RETIRED_OverlayBackgroundDensity
20400090	CS	RETIRED_OverlayMode
20400100	CS	RETIRED_ThresholdDensity
20400500	SQ	RETIRED_ReferencedImageBoxSequenceRetired
20500010	SQ	PresentationLUTSequence
20500020	CS	PresentationLUTShape
20500500	SQ	ReferencedPresentationLUTSequence
21000010	SH	RETIRED_PrintJobID
21000020	CS	ExecutionStatus
21000030	CS	ExecutionStatusInfo
21000040	DA	CreationDate
21000050	TM	CreationTime
21000070	AE	Originator
21000140	AE	DestinationAE
21000160	SH	OwnerID
21000170	IS	NumberOfFilms
21000500	SQ	RETIRED_ReferencedPrintJobSequencePullStoredPrint
21100010	CS	PrinterStatus
21100020	CS	PrinterStatusInfo
21100030	LO	PrinterName
21100099	SH	RETIRED_PrintQueueID
21200010	CS	RETIRED_QueueStatus
21200050	SQ	RETIRED_PrintJobDescriptionSequence
21200070	SQ	RETIRED_ReferencedPrintJobSequence
21300010	SQ	RETIRED_PrintManagementCapabilitiesSequence
21300015	SQ	RETIRED_PrinterCharacteristicsSequence
21300030	SQ	RETIRED_FilmBoxContentSequence
21300040	SQ	RETIRED_ImageBoxContentSequence
21300050	SQ	RETIRED_AnnotationContentSequence
21300060	SQ	RETIRED_ImageOverlayBoxContentSequence
21300080	SQ	RETIRED_PresentationLUTContentSequence
213000a0	SQ	ProposedStudySequence
213000c0	SQ	OriginalImageSequence
22000001	CS	LabelUsingInformationExtractedFromInstances
22000002	UT	LabelText
22000003	CS	LabelStyleSelection
22000004	LT	MediaDisposition
22000005	LT	BarcodeValue
22000006	CS	BarcodeSymbology
22000007	CS	AllowMediaSplitting
22000008	CS	IncludeNonDICOMObjects
22000009	CS	IncludeDisplayApplication
2200000a	CS	PreserveCompositeInstancesAfterMediaCreation
2200000b	US	TotalNumberOfPiecesOfMediaCreated
2200000c	LO	RequestedMediaApplicationProfile
2200000d	SQ	ReferencedStorageMediaSequence
2200000e	AT	FailureAttributes
2200000f	CS	AllowLossyCompression
22000020	CS	RequestPriority
30020002	SH	RTImageLabel
30020003	LO	RTImageName
30020004	ST	RTImageDescription
3002000a	CS	ReportedValuesOrigin
3002000c	CS	RTImagePlane
3002000d	DS	XRayImageReceptorTranslation
3002000e	DS	XRayImageReceptorAngle
30020010	DS	RTImageOrientation
30020011	DS	ImagePlanePixelSpacing
30020012	DS	RTImagePosition
30020020	SH	RadiationMachineName
30020022	DS	RadiationMachineSAD
30020024	DS	RadiationMachineSSD
30020026	DS	RTImageSID
30020028	DS	SourceToReferenceObjectDistance
30020029	IS	FractionNumber
30020030	SQ	ExposureSequence
30020032	DS	MetersetExposure
30020034	DS	DiaphragmPosition
30020040	SQ	FluenceMapSequence
30020041	CS	FluenceDataSource
30020042	DS	FluenceDataScale
30020050	SQ	PrimaryFluenceModeSequence
30020051	CS	FluenceMode
30020052	SH	FluenceModeID
30040001	CS	DVHType
30040002	CS	DoseUnits
30040004	CS	DoseType
30040005	CS	SpatialTransformOfDose
30040006	LO	DoseComment
30040008	DS	NormalizationPoint
3004000a	CS	DoseSummationType
3004000c	DS	GridFrameOffsetVector
3004000e	DS	DoseGridScaling
30040010	SQ	RTDoseROISequence
30040012	DS	DoseValue
30040014	CS	TissueHeterogeneityCorrection
30040040	DS	DVHNormalizationPoint
30040042	DS	DVHNormalizationDoseValue
30040050	SQ	DVHSequence
30040052	DS	DVHDoseScaling
30040054	CS	DVHVolumeUnits
30040056	IS	DVHNumberOfBins
30040058	DS	DVHData
30040060	SQ	DVHReferencedROISequence
30040062	CS	DVHROIContributionType
30040070	DS	DVHMinimumDose
30040072	DS	DVHMaximumDose
30040074	DS	DVHMeanDose
30060002	SH	StructureSetLabel
30060004	LO	StructureSetName
30060006	ST	StructureSetDescription
30060008	DA	StructureSetDate
30060009	TM	StructureSetTime
30060010	SQ	ReferencedFrameOfReferenceSequence
30060012	SQ	RTReferencedStudySequence
30060014	SQ	RTReferencedSeriesSequence
30060016	SQ	ContourImageSequence
30060018	SQ	PredecessorStructureSetSequence
30060020	SQ	StructureSetROISequence
30060022	IS	ROINumber
30060024	UI	ReferencedFrameOfReferenceUID
30060026	LO	ROIName
30060028	ST	ROIDescription
3006002a	IS	ROIDisplayColor
3006002c	DS	ROIVolume
30060030	SQ	RTRelatedROISequence
30060033	CS	RTROIRelationship
30060036	CS	ROIGenerationAlgorithm
30060037	SQ	ROIDerivationAlgorithmIdentificationSequence
30060038	LO	ROIGenerationDescription
30060039	SQ	ROIContourSequence
30060040	SQ	ContourSequence
30060042	CS	ContourGeometricType
30060044	DS	RETIRED_ContourSlabThickness
30060045	DS	RETIRED_ContourOffsetVector
30060046	IS	NumberOfContourPoints
30060048	IS	ContourNumber
30060049	IS	RETIRED_AttachedContours
3006004a	SQ	SourcePixelPlanesCharacteristicsSequence
30060050	DS	ContourData
30060080	SQ	RTROIObservationsSequence
30060082	IS	ObservationNumber
30060084	IS	ReferencedROINumber
30060085	SH	ROIObservationLabel
30060086	SQ	RTROIIdentificationCodeSequence
30060088	ST	ROIObservationDescription
300600a0	SQ	RelatedRTROIObservationsSequence
300600a4	CS	RTROIInterpretedType
300600a6	PN	ROIInterpreter
300600b0	SQ	ROIPhysicalPropertiesSequence
300600b2	CS	ROIPhysicalProperty
300600b4	DS	ROIPhysicalPropertyValue
300600b6	SQ	ROIElementalCompositionSequence
300600b7	US	ROIElementalCompositionAtomicNumber
300600b8	FL	ROIElementalCompositionAtomicMassFraction
300600b9	SQ	RETIRED_AdditionalRTROIIdentificationCodeSequence
300600c0	SQ	RETIRED_FrameOfReferenceRelationshipSequence
300600c2	UI	RETIRED_RelatedFrameOfReferenceUID
300600c4	CS	RETIRED_FrameOfReferenceTransformationType
300600c6	DS	FrameOfReferenceTransformationMatrix
300600c8	LO	FrameOfReferenceTransformationComment
300600c9	SQ	PatientLocationCoordinatesSequence
300600ca	SQ	PatientLocationCoordinatesCodeSequence
300600cb	SQ	PatientSupportPositionSequence
30080010	SQ	MeasuredDoseReferenceSequence
30080012	ST	MeasuredDoseDescription
30080014	CS	MeasuredDoseType
30080016	DS	MeasuredDoseValue
30080020	SQ	TreatmentSessionBeamSequence
30080021	SQ	TreatmentSessionIonBeamSequence
30080022	IS	CurrentFractionNumber
30080024	DA	TreatmentControlPointDate
30080025	TM	TreatmentControlPointTime
3008002a	CS	TreatmentTerminationStatus
3008002b	SH	TreatmentTerminationCode
3008002c	CS	TreatmentVerificationStatus
30080030	SQ	ReferencedTreatmentRecordSequence
30080032	DS	SpecifiedPrimaryMeterset
30080033	DS	SpecifiedSecondaryMeterset
30080036	DS	DeliveredPrimaryMeterset
30080037	DS	DeliveredSecondaryMeterset
3008003a	DS	SpecifiedTreatmentTime
3008003b	DS	DeliveredTreatmentTime
30080040	SQ	ControlPointDeliverySequence
30080041	SQ	IonControlPointDeliverySequence
30080042	DS	SpecifiedMeterset
30080044	DS	DeliveredMeterset
30080045	FL	MetersetRateSet
30080046	FL	MetersetRateDelivered
30080047	FL	ScanSpotMetersetsDelivered
30080048	DS	DoseRateDelivered
30080050	SQ	TreatmentSummaryCalculatedDoseReferenceSequence
30080052	DS	CumulativeDoseToDoseReference
30080054	DA	FirstTreatmentDate
30080056	DA	MostRecentTreatmentDate
3008005a	IS	NumberOfFractionsDelivered
30080060	SQ	OverrideSequence
30080061	AT	ParameterSequencePointer
30080062	AT	OverrideParameterPointer
30080063	IS	ParameterItemIndex
30080064	IS	MeasuredDoseReferenceNumber
30080065	AT	ParameterPointer
30080066	ST	OverrideReason
30080067	US	ParameterValueNumber
30080068	SQ	CorrectedParameterSequence
3008006a	FL	CorrectionValue
30080070	SQ	CalculatedDoseReferenceSequence
30080072	IS	CalculatedDoseReferenceNumber
30080074	ST	CalculatedDoseReferenceDescription
30080076	DS	CalculatedDoseReferenceDoseValue
30080078	DS	StartMeterset
3008007a	DS	EndMeterset
30080080	SQ	ReferencedMeasuredDoseReferenceSequence
30080082	IS	ReferencedMeasuredDoseReferenceNumber
30080090	SQ	ReferencedCalculatedDoseReferenceSequence
30080092	IS	ReferencedCalculatedDoseReferenceNumber
300800a0	SQ	BeamLimitingDeviceLeafPairsSequence
300800b0	SQ	RecordedWedgeSequence
300800c0	SQ	RecordedCompensatorSequence
300800d0	SQ	RecordedBlockSequence
300800d1	SQ	RecordedBlockSlabSequence
300800e0	SQ	TreatmentSummaryMeasuredDoseReferenceSequence
300800f0	SQ	RecordedSnoutSequence
300800f2	SQ	RecordedRangeShifterSequence
300800f4	SQ	RecordedLateralSpreadingDeviceSequence
300800f6	SQ	RecordedRangeModulatorSequence
30080100	SQ	RecordedSourceSequence
30080105	LO	SourceSerialNumber
30080110	SQ	TreatmentSessionApplicationSetupSequence
30080116	CS	ApplicationSetupCheck
30080120	SQ	RecordedBrachyAccessoryDeviceSequence
30080122	IS	ReferencedBrachyAccessoryDeviceNumber
30080130	SQ	RecordedChannelSequence
30080132	DS	SpecifiedChannelTotalTime
30080134	DS	DeliveredChannelTotalTime
30080136	IS	SpecifiedNumberOfPulses
30080138	IS	DeliveredNumberOfPulses
3008013a	DS	SpecifiedPulseRepetitionInterval
3008013c	DS	DeliveredPulseRepetitionInterval
30080140	SQ	RecordedSourceApplicatorSequence
30080142	IS	ReferencedSourceApplicatorNumber
30080150	SQ	RecordedChannelShieldSequence
30080152	IS	ReferencedChannelShieldNumber
30080160	SQ	BrachyControlPointDeliveredSequence
30080162	DA	SafePositionExitDate
30080164	TM	SafePositionExitTime
30080166	DA	SafePositionReturnDate
30080168	TM	SafePositionReturnTime
30080171	SQ	PulseSpecificBrachyControlPointDeliveredSequence
30080172	US	PulseNumber
30080173	SQ	BrachyPulseControlPointDeliveredSequence
30080200	CS	CurrentTreatmentStatus
30080202	ST	TreatmentStatusComment
30080220	SQ	FractionGroupSummarySequence
30080223	IS	ReferencedFractionNumber
30080224	CS	FractionGroupType
30080230	CS	BeamStopperPosition
30080240	SQ	FractionStatusSummarySequence
30080250	DA	TreatmentDate
30080251	TM	TreatmentTime
300a0002	SH	RTPlanLabel
300a0003	LO	RTPlanName
300a0004	ST	RTPlanDescription
300a0006	DA	RTPlanDate
300a0007	TM	RTPlanTime
300a0009	LO	TreatmentProtocols
300a000a	CS	PlanIntent
300a000b	LO	RETIRED_TreatmentSites
300a000c	CS	RTPlanGeometry
300a000e	ST	PrescriptionDescription
300a0010	SQ	DoseReferenceSequence
300a0012	IS	DoseReferenceNumber
300a0013	UI	DoseReferenceUID
300a0014	CS	DoseReferenceStructureType
300a0015	CS	NominalBeamEnergyUnit
300a0016	LO	DoseReferenceDescription
300a0018	DS	DoseReferencePointCoordinates
300a001a	DS	NominalPriorDose
300a0020	CS	DoseReferenceType
300a0021	DS	ConstraintWeight
300a0022	DS	DeliveryWarningDose
300a0023	DS	DeliveryMaximumDose
300a0025	DS	TargetMinimumDose
300a0026	DS	TargetPrescriptionDose
300a0027	DS	TargetMaximumDose
300a0028	DS	TargetUnderdoseVolumeFraction
300a002a	DS	OrganAtRiskFullVolumeDose
300a002b	DS	OrganAtRiskLimitDose
300a002c	DS	OrganAtRiskMaximumDose
300a002d	DS	OrganAtRiskOverdoseVolumeFraction
300a0040	SQ	ToleranceTableSequence
300a0042	IS	ToleranceTableNumber
300a0043	SH	ToleranceTableLabel
300a0044	DS	GantryAngleTolerance
300a0046	DS	BeamLimitingDeviceAngleTolerance
300a0048	SQ	BeamLimitingDeviceToleranceSequence
300a004a	DS	BeamLimitingDevicePositionTolerance
300a004b	FL	SnoutPositionTolerance
300a004c	DS	PatientSupportAngleTolerance
300a004e	DS	TableTopEccentricAngleTolerance
300a004f	FL	TableTopPitchAngleTolerance
300a0050	FL	TableTopRollAngleTolerance
300a0051	DS	TableTopVerticalPositionTolerance
300a0052	DS	TableTopLongitudinalPositionTolerance
300a0053	DS	TableTopLateralPositionTolerance
300a0055	CS	RTPlanRelationship
300a0070	SQ	FractionGroupSequence
300a0071	IS	FractionGroupNumber
300a0072	LO	FractionGroupDescription
300a0078	IS	NumberOfFractionsPlanned
300a0079	IS	NumberOfFractionPatternDigitsPerDay
300a007a	IS	RepeatFractionCycleLength
300a007b	LT	FractionPattern
300a0080	IS	NumberOfBeams
300a0082	DS	RETIRED_BeamDoseSpecificationPoint
300a0083	UI	ReferencedDoseReferenceUID
300a0084	DS	BeamDose
300a0086	DS	BeamMeterset
300a0088	FL	BeamDosePointDepth
300a0089	FL	BeamDosePointEquivalentDepth
300a008a	FL	BeamDosePointSSD
300a008b	CS	BeamDoseMeaning
300a008c	SQ	BeamDoseVerificationControlPointSequence
300a008d	FL	RETIRED_AverageBeamDosePointDepth
300a008e	FL	RETIRED_AverageBeamDosePointEquivalentDepth
300a008f	FL	RETIRED_AverageBeamDosePointSSD
300a0090	CS	BeamDoseType
300a0091	DS	AlternateBeamDose
300a0092	CS	AlternateBeamDoseType
300a0093	CS	DepthValueAveragingFlag
300a0094	DS	BeamDosePointSourceToExternalContourDistance
300a00a0	IS	NumberOfBrachyApplicationSetups
300a00a2	DS	BrachyApplicationSetupDoseSpecificationPoint
300a00a4	DS	BrachyApplicationSetupDose
300a00b0	SQ	BeamSequence
300a00b2	SH	TreatmentMachineName
300a00b3	CS	PrimaryDosimeterUnit
300a00b4	DS	SourceAxisDistance
300a00b6	SQ	BeamLimitingDeviceSequence
300a00b8	CS	RTBeamLimitingDeviceType
300a00ba	DS	SourceToBeamLimitingDeviceDistance
300a00bb	FL	IsocenterToBeamLimitingDeviceDistance
300a00bc	IS	NumberOfLeafJawPairs
300a00be	DS	LeafPositionBoundaries
300a00c0	IS	BeamNumber
300a00c2	LO	BeamName
300a00c3	ST	BeamDescription
300a00c4	CS	BeamType
300a00c5	FD	BeamDeliveryDurationLimit
300a00c6	CS	RadiationType
300a00c7	CS	HighDoseTechniqueType
300a00c8	IS	ReferenceImageNumber
300a00ca	SQ	PlannedVerificationImageSequence
300a00cc	LO	ImagingDeviceSpecificAcquisitionParameters
300a00ce	CS	TreatmentDeliveryType
300a00d0	IS	NumberOfWedges
300a00d1	SQ	WedgeSequence
300a00d2	IS	WedgeNumber
300a00d3	CS	WedgeType
300a00d4	SH	WedgeID
300a00d5	IS	WedgeAngle
300a00d6	DS	WedgeFactor
300a00d7	FL	TotalWedgeTrayWaterEquivalentThickness
300a00d8	DS	WedgeOrientation
300a00d9	FL	IsocenterToWedgeTrayDistance
300a00da	DS	SourceToWedgeTrayDistance
300a00db	FL	WedgeThinEdgePosition
300a00dc	SH	BolusID
300a00dd	ST	BolusDescription
300a00de	DS	EffectiveWedgeAngle
300a00e0	IS	NumberOfCompensators
300a00e1	SH	MaterialID
300a00e2	DS	TotalCompensatorTrayFactor
300a00e3	SQ	CompensatorSequence
300a00e4	IS	CompensatorNumber
300a00e5	SH	CompensatorID
300a00e6	DS	SourceToCompensatorTrayDistance
300a00e7	IS	CompensatorRows
300a00e8	IS	CompensatorColumns
300a00e9	DS	CompensatorPixelSpacing
300a00ea	DS	CompensatorPosition
300a00eb	DS	CompensatorTransmissionData
300a00ec	DS	CompensatorThicknessData
300a00ed	IS	NumberOfBoli
300a00ee	CS	CompensatorType
300a00ef	SH	CompensatorTrayID
300a00f0	IS	NumberOfBlocks
300a00f2	DS	TotalBlockTrayFactor
300a00f3	FL	TotalBlockTrayWaterEquivalentThickness
300a00f4	SQ	BlockSequence
300a00f5	SH	BlockTrayID
300a00f6	DS	SourceToBlockTrayDistance
300a00f7	FL	IsocenterToBlockTrayDistance
300a00f8	CS	BlockType
300a00f9	LO	AccessoryCode
300a00fa	CS	BlockDivergence
300a00fb	CS	BlockMountingPosition
300a00fc	IS	BlockNumber
300a00fe	LO	BlockName
300a0100	DS	BlockThickness
300a0102	DS	BlockTransmission
300a0104	IS	BlockNumberOfPoints
300a0106	DS	BlockData
300a0107	SQ	ApplicatorSequence
300a0108	SH	ApplicatorID
300a0109	CS	ApplicatorType
300a010a	LO	ApplicatorDescription
300a010c	DS	CumulativeDoseReferenceCoefficient
300a010e	DS	FinalCumulativeMetersetWeight
300a0110	IS	NumberOfControlPoints
300a0111	SQ	ControlPointSequence
300a0112	IS	ControlPointIndex
300a0114	DS	NominalBeamEnergy
300a0115	DS	DoseRateSet
300a0116	SQ	WedgePositionSequence
300a0118	CS	WedgePosition
300a011a	SQ	BeamLimitingDevicePositionSequence
300a011c	DS	LeafJawPositions
300a011e	DS	GantryAngle
300a011f	CS	GantryRotationDirection
300a0120	DS	BeamLimitingDeviceAngle
300a0121	CS	BeamLimitingDeviceRotationDirection
300a0122	DS	PatientSupportAngle
300a0123	CS	PatientSupportRotationDirection
300a0124	DS	TableTopEccentricAxisDistance
300a0125	DS	TableTopEccentricAngle
300a0126	CS	TableTopEccentricRotationDirection
300a0128	DS	TableTopVerticalPosition
300a0129	DS	TableTopLongitudinalPosition
300a012a	DS	TableTopLateralPosition
300a012c	DS	IsocenterPosition
300a012e	DS	SurfaceEntryPoint
300a0130	DS	SourceToSurfaceDistance
300a0131	FL	AverageBeamDosePointSourceToExternalContourDistance
300a0132	FL	SourceToExternalContourDistance
300a0133	FL	ExternalContourEntryPoint
300a0134	DS	CumulativeMetersetWeight
300a0140	FL	TableTopPitchAngle
300a0142	CS	TableTopPitchRotationDirection
300a0144	FL	TableTopRollAngle
300a0146	CS	TableTopRollRotationDirection
300a0148	FL	HeadFixationAngle
300a014a	FL	GantryPitchAngle
300a014c	CS	GantryPitchRotationDirection
300a014e	FL	GantryPitchAngleTolerance
300a0150	CS	FixationEye
300a0151	DS	ChairHeadFramePosition
300a0152	DS	HeadFixationAngleTolerance
300a0153	DS	ChairHeadFramePositionTolerance
300a0154	DS	FixationLightAzimuthalAngleTolerance
300a0155	DS	FixationLightPolarAngleTolerance
300a0180	SQ	PatientSetupSequence
300a0182	IS	PatientSetupNumber
300a0183	LO	PatientSetupLabel
300a0184	LO	PatientAdditionalPosition
300a0190	SQ	FixationDeviceSequence
300a0192	CS	FixationDeviceType
300a0194	SH	FixationDeviceLabel
300a0196	ST	FixationDeviceDescription
300a0198	SH	FixationDevicePosition
300a0199	FL	FixationDevicePitchAngle
300a019a	FL	FixationDeviceRollAngle
300a01a0	SQ	ShieldingDeviceSequence
300a01a2	CS	ShieldingDeviceType
300a01a4	SH	ShieldingDeviceLabel
300a01a6	ST	ShieldingDeviceDescription
300a01a8	SH	ShieldingDevicePosition
300a01b0	CS	SetupTechnique
300a01b2	ST	SetupTechniqueDescription
300a01b4	SQ	SetupDeviceSequence
300a01b6	CS	SetupDeviceType
300a01b8	SH	SetupDeviceLabel
300a01ba	ST	SetupDeviceDescription
300a01bc	DS	SetupDeviceParameter
300a01d0	ST	SetupReferenceDescription
300a01d2	DS	TableTopVerticalSetupDisplacement
300a01d4	DS	TableTopLongitudinalSetupDisplacement
300a01d6	DS	TableTopLateralSetupDisplacement
300a0200	CS	BrachyTreatmentTechnique
300a0202	CS	BrachyTreatmentType
300a0206	SQ	TreatmentMachineSequence
300a0210	SQ	SourceSequence
300a0212	IS	SourceNumber
300a0214	CS	SourceType
300a0216	LO	SourceManufacturer
300a0218	DS	ActiveSourceDiameter
300a021a	DS	ActiveSourceLength
300a021b	SH	SourceModelID
300a021c	LO	SourceDescription
300a0222	DS	SourceEncapsulationNominalThickness
300a0224	DS	SourceEncapsulationNominalTransmission
300a0226	LO	SourceIsotopeName
300a0228	DS	SourceIsotopeHalfLife
300a0229	CS	SourceStrengthUnits
300a022a	DS	ReferenceAirKermaRate
300a022b	DS	SourceStrength
300a022c	DA	SourceStrengthReferenceDate
300a022e	TM	SourceStrengthReferenceTime
300a0230	SQ	ApplicationSetupSequence
300a0232	CS	ApplicationSetupType
300a0234	IS	ApplicationSetupNumber
300a0236	LO	ApplicationSetupName
300a0238	LO	ApplicationSetupManufacturer
300a0240	IS	TemplateNumber
300a0242	SH	TemplateType
300a0244	LO	TemplateName
300a0250	DS	TotalReferenceAirKerma
300a0260	SQ	BrachyAccessoryDeviceSequence
300a0262	IS	BrachyAccessoryDeviceNumber
300a0263	SH	BrachyAccessoryDeviceID
300a0264	CS	BrachyAccessoryDeviceType
300a0266	LO	BrachyAccessoryDeviceName
300a026a	DS	BrachyAccessoryDeviceNominalThickness
300a026c	DS	BrachyAccessoryDeviceNominalTransmission
300a0271	DS	ChannelEffectiveLength
300a0272	DS	ChannelInnerLength
300a0273	SH	AfterloaderChannelID
300a0274	DS	SourceApplicatorTipLength
300a0280	SQ	ChannelSequence
300a0282	IS	ChannelNumber
300a0284	DS	ChannelLength
300a0286	DS	ChannelTotalTime
300a0288	CS	SourceMovementType
300a028a	IS	NumberOfPulses
300a028c	DS	PulseRepetitionInterval
300a0290	IS	SourceApplicatorNumber
300a0291	SH	SourceApplicatorID
300a0292	CS	SourceApplicatorType
300a0294	LO	SourceApplicatorName
300a0296	DS	SourceApplicatorLength
300a0298	LO	SourceApplicatorManufacturer
300a029c	DS	SourceApplicatorWallNominalThickness
300a029e	DS	SourceApplicatorWallNominalTransmission
300a02a0	DS	SourceApplicatorStepSize
300a02a1	IS	ApplicatorShapeReferencedROINumber
300a02a2	IS	TransferTubeNumber
300a02a4	DS	TransferTubeLength
300a02b0	SQ	ChannelShieldSequence
300a02b2	IS	ChannelShieldNumber
300a02b3	SH	ChannelShieldID
300a02b4	LO	ChannelShieldName
300a02b8	DS	ChannelShieldNominalThickness
300a02ba	DS	ChannelShieldNominalTransmission
300a02c8	DS	FinalCumulativeTimeWeight
300a02d0	SQ	BrachyControlPointSequence
300a02d2	DS	ControlPointRelativePosition
300a02d4	DS	ControlPoint3DPosition
300a02d6	DS	CumulativeTimeWeight
300a02e0	CS	CompensatorDivergence
300a02e1	CS	CompensatorMountingPosition
300a02e2	DS	SourceToCompensatorDistance
300a02e3	FL	TotalCompensatorTrayWaterEquivalentThickness
300a02e4	FL	IsocenterToCompensatorTrayDistance
300a02e5	FL	CompensatorColumnOffset
300a02e6	FL	IsocenterToCompensatorDistances
300a02e7	FL	CompensatorRelativeStoppingPowerRatio
300a02e8	FL	CompensatorMillingToolDiameter
300a02ea	SQ	IonRangeCompensatorSequence
300a02eb	LT	CompensatorDescription
300a0302	IS	RadiationMassNumber
300a0304	IS	RadiationAtomicNumber
300a0306	SS	RadiationChargeState
300a0308	CS	ScanMode
300a0309	CS	ModulatedScanModeType
300a030a	FL	VirtualSourceAxisDistances
300a030c	SQ	SnoutSequence
300a030d	FL	SnoutPosition
300a030f	SH	SnoutID
300a0312	IS	NumberOfRangeShifters
300a0314	SQ	RangeShifterSequence
300a0316	IS	RangeShifterNumber
300a0318	SH	RangeShifterID
300a0320	CS	RangeShifterType
300a0322	LO	RangeShifterDescription
300a0330	IS	NumberOfLateralSpreadingDevices
300a0332	SQ	LateralSpreadingDeviceSequence
300a0334	IS	LateralSpreadingDeviceNumber
300a0336	SH	LateralSpreadingDeviceID
300a0338	CS	LateralSpreadingDeviceType
300a033a	LO	LateralSpreadingDeviceDescription
300a033c	FL	LateralSpreadingDeviceWaterEquivalentThickness
300a0340	IS	NumberOfRangeModulators
300a0342	SQ	RangeModulatorSequence
300a0344	IS	RangeModulatorNumber
300a0346	SH	RangeModulatorID
300a0348	CS	RangeModulatorType
300a034a	LO	RangeModulatorDescription
300a034c	SH	BeamCurrentModulationID
300a0350	CS	PatientSupportType
300a0352	SH	PatientSupportID
300a0354	LO	PatientSupportAccessoryCode
300a0355	LO	TrayAccessoryCode
300a0356	FL	FixationLightAzimuthalAngle
300a0358	FL	FixationLightPolarAngle
300a035a	FL	MetersetRate
300a0360	SQ	RangeShifterSettingsSequence
300a0362	LO	RangeShifterSetting
300a0364	FL	IsocenterToRangeShifterDistance
300a0366	FL	RangeShifterWaterEquivalentThickness
300a0370	SQ	LateralSpreadingDeviceSettingsSequence
300a0372	LO	LateralSpreadingDeviceSetting
300a0374	FL	IsocenterToLateralSpreadingDeviceDistance
300a0380	SQ	RangeModulatorSettingsSequence
300a0382	FL	RangeModulatorGatingStartValue
300a0384	FL	RangeModulatorGatingStopValue
300a0386	FL	RangeModulatorGatingStartWaterEquivalentThickness
300a0388	FL	RangeModulatorGatingStopWaterEquivalentThickness
300a038a	FL	IsocenterToRangeModulatorDistance
300a038f	FL	ScanSpotTimeOffset
300a0390	SH	ScanSpotTuneID
300a0391	IS	ScanSpotPrescribedIndices
300a0392	IS	NumberOfScanSpotPositions
300a0393	CS	ScanSpotReordered
300a0394	FL	ScanSpotPositionMap
300a0395	CS	ScanSpotReorderingAllowed
300a0396	FL	ScanSpotMetersetWeights
300a0398	FL	ScanningSpotSize
300a0399	FL	ScanSpotSizesDelivered
300a039a	IS	NumberOfPaintings
300a03a0	SQ	IonToleranceTableSequence
300a03a2	SQ	IonBeamSequence
300a03a4	SQ	IonBeamLimitingDeviceSequence
300a03a6	SQ	IonBlockSequence
300a03a8	SQ	IonControlPointSequence
300a03aa	SQ	IonWedgeSequence
300a03ac	SQ	IonWedgePositionSequence
300a0401	SQ	ReferencedSetupImageSequence
300a0402	ST	SetupImageComment
300a0410	SQ	MotionSynchronizationSequence
300a0412	FL	ControlPointOrientation
300a0420	SQ	GeneralAccessorySequence
300a0421	SH	GeneralAccessoryID
300a0422	ST	GeneralAccessoryDescription
300a0423	CS	GeneralAccessoryType
300a0424	IS	GeneralAccessoryNumber
300a0425	FL	SourceToGeneralAccessoryDistance
300a0426	DS	IsocenterToGeneralAccessoryDistance
300a0431	SQ	ApplicatorGeometrySequence
300a0432	CS	ApplicatorApertureShape
300a0433	FL	ApplicatorOpening
300a0434	FL	ApplicatorOpeningX
300a0435	FL	ApplicatorOpeningY
300a0436	FL	SourceToApplicatorMountingPositionDistance
300a0440	IS	NumberOfBlockSlabItems
300a0441	SQ	BlockSlabSequence
300a0442	DS	BlockSlabThickness
300a0443	US	BlockSlabNumber
300a0450	SQ	DeviceMotionControlSequence
300a0451	CS	DeviceMotionExecutionMode
300a0452	CS	DeviceMotionObservationMode
300a0453	SQ	DeviceMotionParameterCodeSequence
300a0501	FL	DistalDepthFraction
300a0502	FL	DistalDepth
300a0503	FL	NominalRangeModulationFractions
300a0504	FL	NominalRangeModulatedRegionDepths
300a0505	SQ	DepthDoseParametersSequence
300a0506	SQ	DeliveredDepthDoseParametersSequence
300a0507	FL	DeliveredDistalDepthFraction
300a0508	FL	DeliveredDistalDepth
300a0509	FL	DeliveredNominalRangeModulationFractions
300a0510	FL	DeliveredNominalRangeModulatedRegionDepths
300a0511	CS	DeliveredReferenceDoseDefinition
300a0512	CS	ReferenceDoseDefinition
300a0600	US	RTControlPointIndex
300a0601	US	RadiationGenerationModeIndex
300a0602	US	ReferencedDefinedDeviceIndex
300a0603	US	RadiationDoseIdentificationIndex
300a0604	US	NumberOfRTControlPoints
300a0605	US	ReferencedRadiationGenerationModeIndex
300a0606	US	TreatmentPositionIndex
300a0607	US	ReferencedDeviceIndex
300a0608	LO	TreatmentPositionGroupLabel
300a0609	UI	TreatmentPositionGroupUID
300a060a	SQ	TreatmentPositionGroupSequence
300a060b	US	ReferencedTreatmentPositionIndex
300a060c	US	ReferencedRadiationDoseIdentificationIndex
300a060d	FD	RTAccessoryHolderWaterEquivalentThickness
300a060e	US	ReferencedRTAccessoryHolderDeviceIndex
300a060f	CS	RTAccessoryHolderSlotExistenceFlag
300a0610	SQ	RTAccessoryHolderSlotSequence
300a0611	LO	RTAccessoryHolderSlotID
300a0612	FD	RTAccessoryHolderSlotDistance
300a0613	FD	RTAccessorySlotDistance
300a0614	SQ	RTAccessoryHolderDefinitionSequence
300a0615	LO	RTAccessoryDeviceSlotID
300a0616	SQ	RTRadiationSequence
300a0617	SQ	RadiationDoseSequence
300a0618	SQ	RadiationDoseIdentificationSequence
300a0619	LO	RadiationDoseIdentificationLabel
300a061a	CS	ReferenceDoseType
300a061b	CS	PrimaryDoseValueIndicator
300a061c	SQ	DoseValuesSequence
300a061d	CS	DoseValuePurpose
300a061e	FD	ReferenceDosePointCoordinates
300a061f	SQ	RadiationDoseValuesParametersSequence
300a0620	SQ	MetersetToDoseMappingSequence
300a0621	SQ	ExpectedInVivoMeasurementValuesSequence
300a0622	US	ExpectedInVivoMeasurementValueIndex
300a0623	LO	RadiationDoseInVivoMeasurementLabel
300a0624	FD	RadiationDoseCentralAxisDisplacement
300a0625	FD	RadiationDoseValue
300a0626	FD	RadiationDoseSourceToSkinDistance
300a0627	FD	RadiationDoseMeasurementPointCoordinates
300a0628	FD	RadiationDoseSourceToExternalContourDistance
300a0629	SQ	RTToleranceSetSequence
300a062a	LO	RTToleranceSetLabel
300a062b	SQ	AttributeToleranceValuesSequence
300a062c	FD	ToleranceValue
300a062d	SQ	PatientSupportPositionToleranceSequence
300a062e	FD	TreatmentTimeLimit
300a062f	SQ	CArmPhotonElectronControlPointSequence
300a0630	SQ	ReferencedRTRadiationSequence
300a0631	SQ	ReferencedRTInstanceSequence
300a0632	SQ	RETIRED_ReferencedRTPatientSetupSequence
300a0634	FD	SourceToPatientSurfaceDistance
300a0635	SQ	TreatmentMachineSpecialModeCodeSequence
300a0636	US	IntendedNumberOfFractions
300a0637	CS	RTRadiationSetIntent
300a0638	CS	RTRadiationPhysicalAndGeometricContentDetailFlag
300a0639	CS	RTRecordFlag
300a063a	SQ	TreatmentDeviceIdentificationSequence
300a063b	SQ	ReferencedRTPhysicianIntentSequence
300a063c	FD	CumulativeMeterset
300a063d	FD	DeliveryRate
300a063e	SQ	DeliveryRateUnitSequence
300a063f	SQ	TreatmentPositionSequence
300a0640	FD	RadiationSourceAxisDistance
300a0641	US	NumberOfRTBeamLimitingDevices
300a0642	FD	RTBeamLimitingDeviceProximalDistance
300a0643	FD	RTBeamLimitingDeviceDistalDistance
300a0644	SQ	ParallelRTBeamDelimiterDeviceOrientationLabelCodeSequence
300a0645	FD	BeamModifierOrientationAngle
300a0646	SQ	FixedRTBeamDelimiterDeviceSequence
300a0647	SQ	ParallelRTBeamDelimiterDeviceSequence
300a0648	US	NumberOfParallelRTBeamDelimiters
300a0649	FD	ParallelRTBeamDelimiterBoundaries
300a064a	FD	ParallelRTBeamDelimiterPositions
300a064b	FD	RTBeamLimitingDeviceOffset
300a064c	SQ	RTBeamDelimiterGeometrySequence
300a064d	SQ	RTBeamLimitingDeviceDefinitionSequence
300a064e	CS	ParallelRTBeamDelimiterOpeningMode
300a064f	CS	ParallelRTBeamDelimiterLeafMountingSide
300a0650	UI	RETIRED_PatientSetupUID
300a0651	SQ	WedgeDefinitionSequence
300a0652	FD	RadiationBeamWedgeAngle
300a0653	FD	RadiationBeamWedgeThinEdgeDistance
300a0654	FD	RadiationBeamEffectiveWedgeAngle
300a0655	US	NumberOfWedgePositions
300a0656	SQ	RTBeamLimitingDeviceOpeningSequence
300a0657	US	NumberOfRTBeamLimitingDeviceOpenings
300a0658	SQ	RadiationDosimeterUnitSequence
300a0659	SQ	RTDeviceDistanceReferenceLocationCodeSequence
300a065a	SQ	RadiationDeviceConfigurationAndCommissioningKeySequence
300a065b	SQ	PatientSupportPositionParameterSequence
300a065c	CS	PatientSupportPositionSpecificationMethod
300a065d	SQ	PatientSupportPositionDeviceParameterSequence
300a065e	US	DeviceOrderIndex
300a065f	US	PatientSupportPositionParameterOrderIndex
300a0660	SQ	PatientSupportPositionDeviceToleranceSequence
300a0661	US	PatientSupportPositionToleranceOrderIndex
300a0662	SQ	CompensatorDefinitionSequence
300a0663	CS	CompensatorMapOrientation
300a0664	OF	CompensatorProximalThicknessMap
300a0665	OF	CompensatorDistalThicknessMap
300a0666	FD	CompensatorBasePlaneOffset
300a0667	SQ	CompensatorShapeFabricationCodeSequence
300a0668	SQ	CompensatorShapeSequence
300a0669	FD	RadiationBeamCompensatorMillingToolDiameter
300a066a	SQ	BlockDefinitionSequence
300a066b	OF	BlockEdgeData
300a066c	CS	BlockOrientation
300a066d	FD	RadiationBeamBlockThickness
300a066e	FD	RadiationBeamBlockSlabThickness
300a066f	SQ	BlockEdgeDataSequence
300a0670	US	NumberOfRTAccessoryHolders
300a0671	SQ	GeneralAccessoryDefinitionSequence
300a0672	US	NumberOfGeneralAccessories
300a0673	SQ	BolusDefinitionSequence
300a0674	US	NumberOfBoluses
300a0675	UI	EquipmentFrameOfReferenceUID
300a0676	ST	EquipmentFrameOfReferenceDescription
300a0677	SQ	EquipmentReferencePointCoordinatesSequence
300a0678	SQ	EquipmentReferencePointCodeSequence
300a0679	FD	RTBeamLimitingDeviceAngle
300a067a	FD	SourceRollAngle
300a067b	SQ	RadiationGenerationModeSequence
300a067c	SH	RadiationGenerationModeLabel
300a067d	ST	RadiationGenerationModeDescription
300a067e	SQ	RadiationGenerationModeMachineCodeSequence
300a067f	SQ	RadiationTypeCodeSequence
300a0680	DS	NominalEnergy
300a0681	DS	MinimumNominalEnergy
300a0682	DS	MaximumNominalEnergy
300a0683	SQ	RadiationFluenceModifierCodeSequence
300a0684	SQ	EnergyUnitCodeSequence
300a0685	US	NumberOfRadiationGenerationModes
300a0686	SQ	PatientSupportDevicesSequence
300a0687	US	NumberOfPatientSupportDevices
300a0688	FD	RTBeamModifierDefinitionDistance
300a0689	SQ	BeamAreaLimitSequence
300a068a	SQ	ReferencedRTPrescriptionSequence
300a0700	UI	TreatmentSessionUID
300a0701	CS	RTRadiationUsage
300a0702	SQ	ReferencedRTRadiationSetSequence
300a0703	SQ	ReferencedRTRadiationRecordSequence
300a0704	US	RTRadiationSetDeliveryNumber
300a0705	US	ClinicalFractionNumber
300a0706	CS	RTTreatmentFractionCompletionStatus
300a0707	CS	RTRadiationSetUsage
300a0708	CS	TreatmentDeliveryContinuationFlag
300a0709	CS	TreatmentRecordContentOrigin
300a0714	CS	RTTreatmentTerminationStatus
300a0715	SQ	RTTreatmentTerminationReasonCodeSequence
300a0716	SQ	MachineSpecificTreatmentTerminationCodeSequence
300a0722	SQ	RTRadiationSalvageRecordControlPointSequence
300a0723	CS	StartingMetersetValueKnownFlag
300a0730	ST	TreatmentTerminationDescription
300a0731	SQ	TreatmentToleranceViolationSequence
300a0732	CS	TreatmentToleranceViolationCategory
300a0733	SQ	TreatmentToleranceViolationAttributeSequence
300a0734	ST	TreatmentToleranceViolationDescription
300a0735	ST	TreatmentToleranceViolationIdentification
300a0736	DT	TreatmentToleranceViolationDateTime
300a073a	DT	RecordedRTControlPointDateTime
300a073b	US	ReferencedRadiationRTControlPointIndex
300a073e	SQ	AlternateValueSequence
300a073f	SQ	ConfirmationSequence
300a0740	SQ	InterlockSequence
300a0741	DT	InterlockDateTime
300a0742	ST	InterlockDescription
300a0743	SQ	InterlockOriginatingDeviceSequence
300a0744	SQ	InterlockCodeSequence
300a0745	SQ	InterlockResolutionCodeSequence
300a0746	SQ	InterlockResolutionUserSequence
300a0760	DT	OverrideDateTime
300a0761	SQ	TreatmentToleranceViolationTypeCodeSequence
300a0762	SQ	TreatmentToleranceViolationCauseCodeSequence
300a0772	SQ	MeasuredMetersetToDoseMappingSequence
300a0773	US	ReferencedExpectedInVivoMeasurementValueIndex
300a0774	SQ	DoseMeasurementDeviceCodeSequence
300a0780	SQ	AdditionalParameterRecordingInstanceSequence
300a0783	ST	InterlockOriginDescription
300a0784	SQ	RTPatientPositionScopeSequence
300a0785	UI	ReferencedTreatmentPositionGroupUID
300a0786	US	RadiationOrderIndex
300a0787	SQ	OmittedRadiationSequence
300a0788	SQ	ReasonForOmissionCodeSequence
300a0789	SQ	RTDeliveryStartPatientPositionSequence
300a078a	SQ	RTTreatmentPreparationPatientPositionSequence
300a078b	SQ	ReferencedRTTreatmentPreparationSequence
300a078c	SQ	ReferencedPatientSetupPhotoSequence
300a078d	SQ	PatientTreatmentPreparationMethodCodeSequence
300a078e	LT	PatientTreatmentPreparationProcedureParameterDescription
300a078f	SQ	PatientTreatmentPreparationDeviceSequence
300a0790	SQ	PatientTreatmentPreparationProcedureSequence
300a0791	SQ	PatientTreatmentPreparationProcedureCodeSequence
300a0792	LT	PatientTreatmentPreparationMethodDescription
300a0793	SQ	PatientTreatmentPreparationProcedureParameterSequence
300a0794	LT	PatientSetupPhotoDescription
300a0795	US	PatientTreatmentPreparationProcedureIndex
300a0796	US	ReferencedPatientSetupProcedureIndex
300a0797	SQ	RTRadiationTaskSequence
300a0798	SQ	RTPatientPositionDisplacementSequence
300a0799	SQ	RTPatientPositionSequence
300a079a	LO	DisplacementReferenceLabel
300a079b	FD	DisplacementMatrix
300a079c	SQ	PatientSupportDisplacementSequence
300a079d	SQ	DisplacementReferenceLocationCodeSequence
300a079e	CS	RTRadiationSetDeliveryUsage
300c0002	SQ	ReferencedRTPlanSequence
300c0004	SQ	ReferencedBeamSequence
300c0006	IS	ReferencedBeamNumber
300c0007	IS	ReferencedReferenceImageNumber
300c0008	DS	StartCumulativeMetersetWeight
300c0009	DS	EndCumulativeMetersetWeight
300c000a	SQ	ReferencedBrachyApplicationSetupSequence
300c000c	IS	ReferencedBrachyApplicationSetupNumber
300c000e	IS	ReferencedSourceNumber
300c0020	SQ	ReferencedFractionGroupSequence
300c0022	IS	ReferencedFractionGroupNumber
300c0040	SQ	ReferencedVerificationImageSequence
300c0042	SQ	ReferencedReferenceImageSequence
300c0050	SQ	ReferencedDoseReferenceSequence
300c0051	IS	ReferencedDoseReferenceNumber
300c0055	SQ	BrachyReferencedDoseReferenceSequence
300c0060	SQ	ReferencedStructureSetSequence
300c006a	IS	ReferencedPatientSetupNumber
300c0080	SQ	ReferencedDoseSequence
300c00a0	IS	ReferencedToleranceTableNumber
300c00b0	SQ	ReferencedBolusSequence
300c00c0	IS	ReferencedWedgeNumber
300c00d0	IS	ReferencedCompensatorNumber
300c00e0	IS	ReferencedBlockNumber
300c00f0	IS	ReferencedControlPointIndex
300c00f2	SQ	ReferencedControlPointSequence
300c00f4	IS	ReferencedStartControlPointIndex
300c00f6	IS	ReferencedStopControlPointIndex
300c0100	IS	ReferencedRangeShifterNumber
300c0102	IS	ReferencedLateralSpreadingDeviceNumber
300c0104	IS	ReferencedRangeModulatorNumber
300c0111	SQ	OmittedBeamTaskSequence
300c0112	CS	ReasonForOmission
300c0113	LO	ReasonForOmissionDescription
300c0114	SQ	PrescriptionOverviewSequence
300c0115	FL	TotalPrescriptionDose
300c0116	SQ	PlanOverviewSequence
300c0117	US	PlanOverviewIndex
300c0118	US	ReferencedPlanOverviewIndex
300c0119	US	NumberOfFractionsIncluded
300c0120	SQ	DoseCalibrationConditionsSequence
300c0121	FD	AbsorbedDoseToMetersetRatio
300c0122	FD	DelineatedRadiationFieldSize
300c0123	CS	DoseCalibrationConditionsVerifiedFlag
300c0124	FD	CalibrationReferencePointDepth
300c0125	SQ	GatingBeamHoldTransitionSequence
300c0126	CS	BeamHoldTransition
300c0127	DT	BeamHoldTransitionDateTime
300c0128	SQ	BeamHoldOriginatingDeviceSequence
300e0002	CS	ApprovalStatus
300e0004	DA	ReviewDate
300e0005	TM	ReviewTime
300e0008	PN	ReviewerName
30100001	SQ	RadiobiologicalDoseEffectSequence
30100002	CS	RadiobiologicalDoseEffectFlag
30100003	SQ	EffectiveDoseCalculationMethodCategoryCodeSequence
30100004	SQ	EffectiveDoseCalculationMethodCodeSequence
30100005	LO	EffectiveDoseCalculationMethodDescription
30100006	UI	ConceptualVolumeUID
30100007	SQ	OriginatingSOPInstanceReferenceSequence
30100008	SQ	ConceptualVolumeConstituentSequence
30100009	SQ	EquivalentConceptualVolumeInstanceReferenceSequence
3010000a	SQ	EquivalentConceptualVolumesSequence
3010000b	UI	ReferencedConceptualVolumeUID
3010000c	UT	ConceptualVolumeCombinationExpression
3010000d	US	ConceptualVolumeConstituentIndex
3010000e	CS	ConceptualVolumeCombinationFlag
3010000f	ST	ConceptualVolumeCombinationDescription
30100010	CS	ConceptualVolumeSegmentationDefinedFlag
30100011	SQ	ConceptualVolumeSegmentationReferenceSequence
30100012	SQ	ConceptualVolumeConstituentSegmentationReferenceSequence
30100013	UI	ConstituentConceptualVolumeUID
30100014	SQ	DerivationConceptualVolumeSequence
30100015	UI	SourceConceptualVolumeUID
30100016	SQ	ConceptualVolumeDerivationAlgorithmSequence
30100017	ST	ConceptualVolumeDescription
30100018	SQ	SourceConceptualVolumeSequence
30100019	SQ	AuthorIdentificationSequence
3010001a	LO	ManufacturerModelVersion
3010001b	UC	DeviceAlternateIdentifier
3010001c	CS	DeviceAlternateIdentifierType
3010001d	LT	DeviceAlternateIdentifierFormat
3010001e	LO	SegmentationCreationTemplateLabel
3010001f	UI	SegmentationTemplateUID
30100020	US	ReferencedSegmentReferenceIndex
30100021	SQ	SegmentReferenceSequence
30100022	US	SegmentReferenceIndex
30100023	SQ	DirectSegmentReferenceSequence
30100024	SQ	CombinationSegmentReferenceSequence
30100025	SQ	ConceptualVolumeSequence
30100026	SQ	SegmentedRTAccessoryDeviceSequence
30100027	SQ	SegmentCharacteristicsSequence
30100028	SQ	RelatedSegmentCharacteristicsSequence
30100029	US	SegmentCharacteristicsPrecedence
3010002a	SQ	RTSegmentAnnotationSequence
3010002b	SQ	SegmentAnnotationCategoryCodeSequence
3010002c	SQ	SegmentAnnotationTypeCodeSequence
3010002d	LO	DeviceLabel
3010002e	SQ	DeviceTypeCodeSequence
3010002f	SQ	SegmentAnnotationTypeModifierCodeSequence
30100030	SQ	PatientEquipmentRelationshipCodeSequence
30100031	UI	ReferencedFiducialsUID
30100032	SQ	PatientTreatmentOrientationSequence
30100033	SH	UserContentLabel
30100034	LO	UserContentLongLabel
30100035	SH	EntityLabel
30100036	LO	EntityName
30100037	ST	EntityDescription
30100038	LO	EntityLongLabel
30100039	US	DeviceIndex
3010003a	US	RTTreatmentPhaseIndex
3010003b	UI	RTTreatmentPhaseUID
3010003c	US	RTPrescriptionIndex
3010003d	US	RTSegmentAnnotationIndex
3010003e	US	BasisRTTreatmentPhaseIndex
3010003f	US	RelatedRTTreatmentPhaseIndex
30100040	US	ReferencedRTTreatmentPhaseIndex
30100041	US	ReferencedRTPrescriptionIndex
30100042	US	ReferencedParentRTPrescriptionIndex
30100043	ST	ManufacturerDeviceIdentifier
30100044	SQ	InstanceLevelReferencedPerformedProcedureStepSequence
30100045	CS	RTTreatmentPhaseIntentPresenceFlag
30100046	CS	RadiotherapyTreatmentType
30100047	CS	TeletherapyRadiationType
30100048	CS	BrachytherapySourceType
30100049	SQ	ReferencedRTTreatmentPhaseSequence
3010004a	SQ	ReferencedDirectSegmentInstanceSequence
3010004b	SQ	IntendedRTTreatmentPhaseSequence
3010004c	DA	IntendedPhaseStartDate
3010004d	DA	IntendedPhaseEndDate
3010004e	SQ	RTTreatmentPhaseIntervalSequence
3010004f	CS	TemporalRelationshipIntervalAnchor
30100050	FD	MinimumNumberOfIntervalDays
30100051	FD	MaximumNumberOfIntervalDays
30100052	UI	PertinentSOPClassesInStudy
30100053	UI	PertinentSOPClassesInSeries
30100054	LO	RTPrescriptionLabel
30100055	SQ	RTPhysicianIntentPredecessorSequence
30100056	LO	RTTreatmentApproachLabel
30100057	SQ	RTPhysicianIntentSequence
30100058	US	RTPhysicianIntentIndex
30100059	CS	RTTreatmentIntentType
3010005a	UT	RTPhysicianIntentNarrative
3010005b	SQ	RTProtocolCodeSequence
3010005c	ST	ReasonForSuperseding
3010005d	SQ	RTDiagnosisCodeSequence
3010005e	US	ReferencedRTPhysicianIntentIndex
3010005f	SQ	RTPhysicianIntentInputInstanceSequence
30100060	SQ	RTAnatomicPrescriptionSequence
30100061	UT	PriorTreatmentDoseDescription
30100062	SQ	PriorTreatmentReferenceSequence
30100063	CS	DosimetricObjectiveEvaluationScope
30100064	SQ	TherapeuticRoleCategoryCodeSequence
30100065	SQ	TherapeuticRoleTypeCodeSequence
30100066	US	ConceptualVolumeOptimizationPrecedence
30100067	SQ	ConceptualVolumeCategoryCodeSequence
30100068	CS	ConceptualVolumeBlockingConstraint
30100069	SQ	ConceptualVolumeTypeCodeSequence
3010006a	SQ	ConceptualVolumeTypeModifierCodeSequence
3010006b	SQ	RTPrescriptionSequence
3010006c	SQ	DosimetricObjectiveSequence
3010006d	SQ	DosimetricObjectiveTypeCodeSequence
3010006e	UI	DosimetricObjectiveUID
3010006f	UI	ReferencedDosimetricObjectiveUID
30100070	SQ	DosimetricObjectiveParameterSequence
30100071	SQ	ReferencedDosimetricObjectivesSequence
30100073	CS	AbsoluteDosimetricObjectiveFlag
30100074	FD	DosimetricObjectiveWeight
30100075	CS	DosimetricObjectivePurpose
30100076	SQ	PlanningInputInformationSequence
30100077	LO	TreatmentSite
30100078	SQ	TreatmentSiteCodeSequence
30100079	SQ	FractionPatternSequence
3010007a	UT	TreatmentTechniqueNotes
3010007b	UT	PrescriptionNotes
3010007c	IS	NumberOfIntervalFractions
3010007d	US	NumberOfFractions
3010007e	US	IntendedDeliveryDuration
3010007f	UT	FractionationNotes
30100080	SQ	RTTreatmentTechniqueCodeSequence
30100081	SQ	PrescriptionNotesSequence
30100082	SQ	FractionBasedRelationshipSequence
30100083	CS	FractionBasedRelationshipIntervalAnchor
30100084	FD	MinimumHoursBetweenFractions
30100085	TM	IntendedFractionStartTime
30100086	LT	IntendedStartDayOfWeek
30100087	SQ	WeekdayFractionPatternSequence
30100088	SQ	DeliveryTimeStructureCodeSequence
30100089	SQ	TreatmentSiteModifierCodeSequence
30100090	CS	RoboticBaseLocationIndicator
30100091	SQ	RoboticPathNodeSetCodeSequence
30100092	UL	RoboticNodeIdentifier
30100093	FD	RTTreatmentSourceCoordinates
30100094	FD	RadiationSourceCoordinateSystemYawAngle
30100095	FD	RadiationSourceCoordinateSystemRollAngle
30100096	FD	RadiationSourceCoordinateSystemPitchAngle
30100097	SQ	RoboticPathControlPointSequence
30100098	SQ	TomotherapeuticControlPointSequence
30100099	FD	TomotherapeuticLeafOpenDurations
3010009a	FD	TomotherapeuticLeafInitialClosedDurations
40000010	LT	RETIRED_Arbitrary
40004000	LT	RETIRED_TextComments
40080040	SH	RETIRED_ResultsID
40080042	LO	RETIRED_ResultsIDIssuer
40080050	SQ	RETIRED_ReferencedInterpretationSequence
400800ff	CS	RETIRED_ReportProductionStatusTrial
40080100	DA	RETIRED_InterpretationRecordedDate
40080101	TM	RETIRED_InterpretationRecordedTime
40080102	PN	RETIRED_InterpretationRecorder
40080103	LO	RETIRED_ReferenceToRecordedSound
40080108	DA	RETIRED_InterpretationTranscriptionDate
40080109	TM	RETIRED_InterpretationTranscriptionTime
4008010a	PN	RETIRED_InterpretationTranscriber
4008010b	ST	RETIRED_InterpretationText
4008010c	PN	RETIRED_InterpretationAuthor
40080111	SQ	RETIRED_InterpretationApproverSequence
40080112	DA	RETIRED_InterpretationApprovalDate
40080113	TM	RETIRED_InterpretationApprovalTime
40080114	PN	RETIRED_PhysicianApprovingInterpretation
40080115	LT	RETIRED_InterpretationDiagnosisDescription
40080117	SQ	RETIRED_InterpretationDiagnosisCodeSequence
40080118	SQ	RETIRED_ResultsDistributionListSequence
40080119	PN	RETIRED_DistributionName
4008011a	LO	RETIRED_DistributionAddress
40080200	SH	RETIRED_InterpretationID
40080202	LO	RETIRED_InterpretationIDIssuer
40080210	CS	RETIRED_InterpretationTypeID
40080212	CS	RETIRED_InterpretationStatusID
40080300	ST	RETIRED_Impressions
40084000	ST	RETIRED_ResultsComments
40100001	CS	LowEnergyDetectors
40100002	CS	HighEnergyDetectors
40100004	SQ	DetectorGeometrySequence
40101001	SQ	ThreatROIVoxelSequence
40101004	FL	ThreatROIBase
40101005	FL	ThreatROIExtents
40101006	OB	ThreatROIBitmap
40101007	SH	RouteSegmentID
40101008	CS	GantryType
40101009	CS	OOIOwnerType
4010100a	SQ	RouteSegmentSequence
40101010	US	PotentialThreatObjectID
40101011	SQ	ThreatSequence
40101012	CS	ThreatCategory
40101013	LT	ThreatCategoryDescription
40101014	CS	ATDAbilityAssessment
40101015	CS	ATDAssessmentFlag
40101016	FL	ATDAssessmentProbability
40101017	FL	Mass
40101018	FL	Density
40101019	FL	ZEffective
4010101a	SH	BoardingPassID
4010101b	FL	CenterOfMass
4010101c	FL	CenterOfPTO
4010101d	FL	BoundingPolygon
4010101e	SH	RouteSegmentStartLocationID
4010101f	SH	RouteSegmentEndLocationID
40101020	CS	RouteSegmentLocationIDType
40101021	CS	AbortReason
40101023	FL	VolumeOfPTO
40101024	CS	AbortFlag
40101025	DT	RouteSegmentStartTime
40101026	DT	RouteSegmentEndTime
40101027	CS	TDRType
40101028	CS	InternationalRouteSegment
40101029	LO	ThreatDetectionAlgorithmAndVersion
4010102a	SH	AssignedLocation
4010102b	DT	AlarmDecisionTime
40101031	CS	AlarmDecision
40101033	US	NumberOfTotalObjects
40101034	US	NumberOfAlarmObjects
40101037	SQ	PTORepresentationSequence
40101038	SQ	ATDAssessmentSequence
40101039	CS	TIPType
4010103a	CS	DICOSVersion
40101041	DT	OOIOwnerCreationTime
40101042	CS	OOIType
40101043	FL	OOISize
40101044	CS	AcquisitionStatus
40101045	SQ	BasisMaterialsCodeSequence
40101046	CS	PhantomType
40101047	SQ	OOIOwnerSequence
40101048	CS	ScanType
40101051	LO	ItineraryID
40101052	SH	ItineraryIDType
40101053	LO	ItineraryIDAssigningAuthority
40101054	SH	RouteID
40101055	SH	RouteIDAssigningAuthority
40101056	CS	InboundArrivalType
40101058	SH	CarrierID
40101059	CS	CarrierIDAssigningAuthority
40101060	FL	SourceOrientation
40101061	FL	SourcePosition
40101062	FL	BeltHeight
40101064	SQ	AlgorithmRoutingCodeSequence
40101067	CS	TransportClassification
40101068	LT	OOITypeDescriptor
40101069	FL	TotalProcessingTime
4010106c	OB	DetectorCalibrationData
4010106d	CS	AdditionalScreeningPerformed
4010106e	CS	AdditionalInspectionSelectionCriteria
4010106f	SQ	AdditionalInspectionMethodSequence
40101070	CS	AITDeviceType
40101071	SQ	QRMeasurementsSequence
40101072	SQ	TargetMaterialSequence
40101073	FD	SNRThreshold
40101075	DS	ImageScaleRepresentation
40101076	SQ	ReferencedPTOSequence
40101077	SQ	ReferencedTDRInstanceSequence
40101078	ST	PTOLocationDescription
40101079	SQ	AnomalyLocatorIndicatorSequence
4010107a	FL	AnomalyLocatorIndicator
4010107b	SQ	PTORegionSequence
4010107c	CS	InspectionSelectionCriteria
4010107d	SQ	SecondaryInspectionMethodSequence
4010107e	DS	PRCSToRCSOrientation
4ffe0001	SQ	MACParametersSequence
52009229	SQ	SharedFunctionalGroupsSequence
52009230	SQ	PerFrameFunctionalGroupsSequence
54000100	SQ	WaveformSequence
54000110	ox	ChannelMinimumValue
54000112	ox	ChannelMaximumValue
54001004	US	WaveformBitsAllocated
54001006	CS	WaveformSampleInterpretation
5400100a	ox	WaveformPaddingValue
54001010	ox	WaveformData
56000010	OF	FirstOrderPhaseCorrectionAngle
56000020	OF	SpectroscopyData
7fe00001	OV	ExtendedOffsetTable
7fe00002	OV	ExtendedOffsetTableLengths
7fe00008	OF	FloatPixelData
7fe00009	OD	DoubleFloatPixelData
7fe00010	px	PixelData
7fe00020	OW	RETIRED_CoefficientsSDVN
7fe00030	OW	RETIRED_CoefficientsSDHN
7fe00040	OW	RETIRED_CoefficientsSDDN
fffafffa	SQ	DigitalSignaturesSequence
fffcfffc	OB	DataSetTrailingPadding
fffee000	na	Item
fffee00d	na	ItemDelimitationItem
fffee0dd	na	SequenceDelimitationItem
"""

_PRIVATE = """\
1.2.840.113681	00190010	ST	CRImageParamsCommon
1.2.840.113681	00190011	ST	CRImageIPParamsSingle
1.2.840.113681	00190012	ST	CRImageIPParamsLeft
1.2.840.113681	00190013	ST	CRImageIPParamsRight
1.2.840.113708.794.1.1.2.0	00870010	CS	MediaType
1.2.840.113708.794.1.1.2.0	00870020	CS	MediaLocation
1.2.840.113708.794.1.1.2.0	00870050	IS	EstimatedRetrieveTime
ACUSON	00090000	IS	Unknown
ACUSON	00090001	IS	Unknown
ACUSON	00090002	UN	Unknown
ACUSON	00090003	UN	Unknown
ACUSON	00090004	UN	Unknown
ACUSON	00090005	UN	Unknown
ACUSON	00090006	UN	Unknown
ACUSON	00090007	UN	Unknown
ACUSON	00090008	LT	Unknown
ACUSON	00090009	LT	Unknown
ACUSON	0009000a	IS	Unknown
ACUSON	0009000b	IS	Unknown
ACUSON	0009000c	IS	Unknown
ACUSON	0009000d	IS	Unknown
ACUSON	0009000e	IS	Unknown
ACUSON	0009000f	UN	Unknown
ACUSON	00090010	IS	Unknown
ACUSON	00090011	UN	Unknown
ACUSON	00090012	IS	Unknown
ACUSON	00090013	IS	Unknown
ACUSON	00090014	LT	Unknown
ACUSON	00090015	UN	Unknown
AEGIS_DICOM_2.00	00030000	US	Unknown
AEGIS_DICOM_2.00	00050000	US	Unknown
AEGIS_DICOM_2.00	00090000	US	Unknown
AEGIS_DICOM_2.00	00190000	US	Unknown
AEGIS_DICOM_2.00	00290000	US	Unknown
AEGIS_DICOM_2.00	13690000	US	Unknown
AGFA	00090010	LO	Unknown
AGFA	00090011	LO	Unknown
AGFA	00090013	LO	Unknown
AGFA	00090014	LO	Unknown
AGFA	00090015	LO	Unknown
AGFA PACS Archive Mirroring 1.0	00310000	CS	StudyStatus
AGFA PACS Archive Mirroring 1.0	00310001	UL	DateTimeVerified
CAMTRONICS	00290010	LT	Commentline
CAMTRONICS	00290020	DS	EdgeEnhancementCoefficient
CAMTRONICS	00290050	LT	SceneText
CAMTRONICS	00290060	LT	ImageText
CAMTRONICS	00290070	IS	PixelShiftHorizontal
CAMTRONICS	00290080	IS	PixelShiftVertical
CAMTRONICS	00290090	IS	Unknown
CAMTRONICS IP	00290010	LT	Unknown
CAMTRONICS IP	00290020	UN	Unknown
CAMTRONICS IP	00290030	UN	Unknown
CAMTRONICS IP	00290040	UN	Unknown
CARDIO-D.R. 1.0	00090000	UL	FileLocation
CARDIO-D.R. 1.0	00090001	UL	FileSize
CARDIO-D.R. 1.0	00090040	SQ	AlternateImageSequence
CARDIO-D.R. 1.0	00190000	CS	ImageBlankingShape
CARDIO-D.R. 1.0	00190002	IS	ImageBlankingLeftVerticalEdge
CARDIO-D.R. 1.0	00190004	IS	ImageBlankingRightVerticalEdge
CARDIO-D.R. 1.0	00190006	IS	ImageBlankingUpperHorizontalEdge
CARDIO-D.R. 1.0	00190008	IS	ImageBlankingLowerHorizontalEdge
CARDIO-D.R. 1.0	00190010	IS	CenterOfCircularImageBlanking
CARDIO-D.R. 1.0	00190012	IS	RadiusOfCircularImageBlanking
CARDIO-D.R. 1.0	00190030	UL	MaximumImageFrameSize
CARDIO-D.R. 1.0	00210013	IS	ImageSequenceNumber
CARDIO-D.R. 1.0	00290000	SQ	EdgeEnhancementSequence
CARDIO-D.R. 1.0	00290001	US	ConvolutionKernelSize
CARDIO-D.R. 1.0	00290002	DS	ConvolutionKernelCoefficients
CARDIO-D.R. 1.0	00290003	DS	EdgeEnhancementGain
CMR42 CIRCLECVI	00251010	LO	WorkspaceID
CMR42 CIRCLECVI	00251020	LO	WorkspaceTimeString
CMR42 CIRCLECVI	00251030	OB	WorkspaceStream
DCMTK_ANONYMIZER	00090000	SQ	AnonymizerUIDMap
DCMTK_ANONYMIZER	00090010	UI	AnonymizerUIDKey
DCMTK_ANONYMIZER	00090020	UI	AnonymizerUIDValue
DCMTK_ANONYMIZER	00090030	SQ	AnonymizerPatientIDMap
DCMTK_ANONYMIZER	00090040	LO	AnonymizerPatientIDKey
DCMTK_ANONYMIZER	00090050	LO	AnonymizerPatientIDValue
DIDI TO PCR 1.1	00190022	UN	RouteAET
DIDI TO PCR 1.1	00190023	DS	PCRPrintScale
DIDI TO PCR 1.1	00190024	UN	PCRPrintJobEnd
DIDI TO PCR 1.1	00190025	IS	PCRNoFilmCopies
DIDI TO PCR 1.1	00190026	IS	PCRFilmLayoutPosition
DIDI TO PCR 1.1	00190027	UN	PCRPrintReportName
DIDI TO PCR 1.1	00190070	UN	RADProtocolPrinter
DIDI TO PCR 1.1	00190071	UN	RADProtocolMedium
DIDI TO PCR 1.1	00190090	LO	UnprocessedFlag
DIDI TO PCR 1.1	00190091	UN	KeyValues
DIDI TO PCR 1.1	00190092	UN	DestinationPostprocessingFunction
DIDI TO PCR 1.1	001900a0	UN	Version
DIDI TO PCR 1.1	001900a1	UN	RangingMode
DIDI TO PCR 1.1	001900a2	UN	AbdomenBrightness
DIDI TO PCR 1.1	001900a3	UN	FixedBrightness
DIDI TO PCR 1.1	001900a4	UN	DetailContrast
DIDI TO PCR 1.1	001900a5	UN	ContrastBalance
DIDI TO PCR 1.1	001900a6	UN	StructureBoost
DIDI TO PCR 1.1	001900a7	UN	StructurePreference
DIDI TO PCR 1.1	001900a8	UN	NoiseRobustness
DIDI TO PCR 1.1	001900a9	UN	NoiseDoseLimit
DIDI TO PCR 1.1	001900aa	UN	NoiseDoseStep
DIDI TO PCR 1.1	001900ab	UN	NoiseFrequencyLimit
DIDI TO PCR 1.1	001900ac	UN	WeakContrastLimit
DIDI TO PCR 1.1	001900ad	UN	StrongContrastLimit
DIDI TO PCR 1.1	001900ae	UN	StructureBoostOffset
DIDI TO PCR 1.1	001900af	UN	SmoothGain
DIDI TO PCR 1.1	001900b0	UN	MeasureField1
DIDI TO PCR 1.1	001900b1	UN	MeasureField2
DIDI TO PCR 1.1	001900b2	UN	KeyPercentile1
DIDI TO PCR 1.1	001900b3	UN	KeyPercentile2
DIDI TO PCR 1.1	001900b4	UN	DensityLUT
DIDI TO PCR 1.1	001900b5	UN	Brightness
DIDI TO PCR 1.1	001900b6	UN	Gamma
DIDI TO PCR 1.1	00890010	SQ	Unknown
DIGISCAN IMAGE	00290031	US	Unknown
DIGISCAN IMAGE	00290032	US	Unknown
DIGISCAN IMAGE	00290033	LT	Unknown
DIGISCAN IMAGE	00290034	LT	Unknown
DLX_EXAMS_01	00150001	DS	StenosisCalibrationRatio
DLX_EXAMS_01	00150002	DS	StenosisMagnification
DLX_EXAMS_01	00150003	DS	CardiacCalibrationRatio
DLX_PATNT_01	00110001	LT	PatientDOB
DLX_SERIE_01	00190001	DS	AngleValueLArm
DLX_SERIE_01	00190002	DS	AngleValuePArm
DLX_SERIE_01	00190003	DS	AngleValueCArm
DLX_SERIE_01	00190004	CS	AngleLabelLArm
DLX_SERIE_01	00190005	CS	AngleLabelPArm
DLX_SERIE_01	00190006	CS	AngleLabelCArm
DLX_SERIE_01	00190007	ST	ProcedureName
DLX_SERIE_01	00190008	ST	ExamName
DLX_SERIE_01	00190009	SH	PatientSize
DLX_SERIE_01	0019000a	IS	RecordView
DLX_SERIE_01	00190010	DS	InjectorDelay
DLX_SERIE_01	00190011	CS	AutoInject
DLX_SERIE_01	00190014	IS	AcquisitionMode
DLX_SERIE_01	00190015	CS	CameraRotationEnabled
DLX_SERIE_01	00190016	CS	ReverseSweep
DLX_SERIE_01	00190017	IS	SpatialFilterStrength
DLX_SERIE_01	00190018	IS	ZoomFactor
DLX_SERIE_01	00190019	IS	XZoomCenter
DLX_SERIE_01	0019001a	IS	YZoomCenter
DLX_SERIE_01	0019001b	DS	Focus
DLX_SERIE_01	0019001c	CS	Dose
DLX_SERIE_01	0019001d	IS	SideMark
DLX_SERIE_01	0019001e	IS	PercentageLandscape
DLX_SERIE_01	0019001f	DS	ExposureDuration
ELSCINT1	00e10001	US	DataDictionaryVersion
ELSCINT1	00e10014	LT	Unknown
ELSCINT1	00e10022	DS	Unknown
ELSCINT1	00e10023	DS	Unknown
ELSCINT1	00e10024	LT	Unknown
ELSCINT1	00e10025	LT	Unknown
ELSCINT1	00e10040	SH	OffsetFromCTMRImages
ELSCINT1	06010000	SH	ImplementationVersion
ELSCINT1	06010020	DS	RelativeTablePosition
ELSCINT1	06010021	DS	RelativeTableHeight
ELSCINT1	06010030	SH	SurviewDirection
ELSCINT1	06010031	DS	SurviewLength
ELSCINT1	06010050	SH	ImageViewType
ELSCINT1	06010070	DS	BatchNumber
ELSCINT1	06010071	DS	BatchSize
ELSCINT1	06010072	DS	BatchSliceNumber
FDMS 1.0	00090004	SH	ImageControlUnit
FDMS 1.0	00090005	OW	ImageUID
FDMS 1.0	00090006	OW	RouteImageUID
FDMS 1.0	00090008	UL	ImageDisplayInformationVersionNo
FDMS 1.0	00090009	UL	PatientInformationVersionNo
FDMS 1.0	0009000c	OW	FilmUID
FDMS 1.0	00090010	CS	ExposureUnitTypeCode
FDMS 1.0	00090080	LO	KanjiHospitalName
FDMS 1.0	00090090	ST	DistributionCode
FDMS 1.0	00090092	SH	KanjiDepartmentName
FDMS 1.0	000900f0	CS	BlackeningProcessFlag
FDMS 1.0	00190015	LO	KanjiBodyPartForExposure
FDMS 1.0	00190032	LO	KanjiMenuName
FDMS 1.0	00190040	CS	ImageProcessingType
FDMS 1.0	00190050	CS	EDRMode
FDMS 1.0	00190060	SH	RadiographersCode
FDMS 1.0	00190070	IS	SplitExposureFormat
FDMS 1.0	00190071	IS	NoOfSplitExposureFrames
FDMS 1.0	00190080	IS	ReadingPositionSpecification
FDMS 1.0	00190081	IS	ReadingSensitivityCenter
FDMS 1.0	00190090	SH	FilmAnnotationCharacterString1
FDMS 1.0	00190091	SH	FilmAnnotationCharacterString2
FDMS 1.0	00210010	CS	FCRImageID
FDMS 1.0	00210030	CS	SetNo
FDMS 1.0	00210040	IS	ImageNoInTheSet
FDMS 1.0	00210050	CS	PairProcessingInformation
FDMS 1.0	00210080	OB	EquipmentTypeSpecificInformation
FDMS 1.0	00230010	SQ	Unknown
FDMS 1.0	00230020	SQ	Unknown
FDMS 1.0	00230030	SQ	Unknown
FDMS 1.0	00250010	US	RelativeLightEmissionAmountSk
FDMS 1.0	00250011	US	TermOfCorrectionForEachIPTypeSt
FDMS 1.0	00250012	US	ReadingGainGp
FDMS 1.0	00250013	US	Unknown
FDMS 1.0	00250015	CS	Unknown
FDMS 1.0	00250020	US	Unknown
FDMS 1.0	00250021	US	Unknown
FDMS 1.0	00250030	US	Unknown
FDMS 1.0	00250031	SS	Unknown
FDMS 1.0	00250032	US	Unknown
FDMS 1.0	00250033	SS	Unknown
FDMS 1.0	00250034	SS	Unknown
FDMS 1.0	00250040	US	Unknown
FDMS 1.0	00250041	US	Unknown
FDMS 1.0	00250042	US	Unknown
FDMS 1.0	00250043	US	Unknown
FDMS 1.0	00250050	US	Unknown
FDMS 1.0	00250051	US	Unknown
FDMS 1.0	00250052	US	Unknown
FDMS 1.0	00250053	US	Unknown
FDMS 1.0	00250060	US	Unknown
FDMS 1.0	00250061	US	Unknown
FDMS 1.0	00250062	US	Unknown
FDMS 1.0	00250063	CS	Unknown
FDMS 1.0	00250070	US	Unknown
FDMS 1.0	00250071	US	Unknown
FDMS 1.0	00250072	US	Unknown
FDMS 1.0	00250073	US	Unknown
FDMS 1.0	00250074	US	Unknown
FDMS 1.0	00250080	US	Unknown
FDMS 1.0	00250081	US	Unknown
FDMS 1.0	00250082	US	Unknown
FDMS 1.0	00250083	US	Unknown
FDMS 1.0	00250084	US	Unknown
FDMS 1.0	00250090	US	Unknown
FDMS 1.0	00250091	US	Unknown
FDMS 1.0	00250092	US	Unknown
FDMS 1.0	00250093	US	Unknown
FDMS 1.0	00250094	US	Unknown
FDMS 1.0	00250095	US	Unknown
FDMS 1.0	00250096	CS	Unknown
FDMS 1.0	002500a0	US	Unknown
FDMS 1.0	002500a1	SS	Unknown
FDMS 1.0	002500a2	US	Unknown
FDMS 1.0	002500a3	SS	Unknown
FDMS 1.0	00270010	SQ	Unknown
FDMS 1.0	00270020	SQ	Unknown
FDMS 1.0	00270030	SQ	Unknown
FDMS 1.0	00270040	SQ	Unknown
FDMS 1.0	00270050	SQ	Unknown
FDMS 1.0	00270060	SQ	Unknown
FDMS 1.0	00270070	SQ	Unknown
FDMS 1.0	00270080	SQ	Unknown
FDMS 1.0	002700a0	IS	Unknown
FDMS 1.0	002700a1	CS	Unknown
FDMS 1.0	002700a2	CS	Unknown
FDMS 1.0	002700a3	SS	Unknown
FDMS 1.0	00290020	CS	ImageScanningDirection
FDMS 1.0	00290030	CS	ExtendedReadingSizeValue
FDMS 1.0	00290034	US	MagnificationReductionRatio
FDMS 1.0	00290044	CS	LineDensityCode
FDMS 1.0	00290050	CS	DataCompressionCode
FDMS 1.0	20110011	CS	ImagePositionSpecifyingFlag
FDMS 1.0	50f10006	CS	EnergySubtractionParam
FDMS 1.0	50f10007	CS	SubtractionRegistrationResult
FDMS 1.0	50f10008	CS	EnergySubtractionParam2
FDMS 1.0	50f10009	SL	AfinConversionCoefficient
FDMS 1.0	50f10010	CS	FilmOutputFormat
FDMS 1.0	50f10020	CS	ImageProcessingModificationFlag
FFP DATA	00090001	UN	CRHeaderInformation
GE ??? From Adantage Review CS	00190030	LO	CREDRMode
GE ??? From Adantage Review CS	00190040	LO	CRLatitude
GE ??? From Adantage Review CS	00190050	LO	CRGroupNumber
GE ??? From Adantage Review CS	00190070	LO	CRImageSerialNumber
GE ??? From Adantage Review CS	00190080	LO	CRBarCodeNumber
GE ??? From Adantage Review CS	00190090	LO	CRFilmOutputExposures
GEMS_ACQU_01	00090024	DS	Unknown
GEMS_ACQU_01	00090025	US	Unknown
GEMS_ACQU_01	0009003e	US	Unknown
GEMS_ACQU_01	0009003f	US	Unknown
GEMS_ACQU_01	00090042	US	Unknown
GEMS_ACQU_01	00090043	US	Unknown
GEMS_ACQU_01	000900f8	US	Unknown
GEMS_ACQU_01	000900fb	IS	Unknown
GEMS_ACQU_01	00190001	LT	Unknown
GEMS_ACQU_01	00190002	SL	NumberOfCellsInDetector
GEMS_ACQU_01	00190003	DS	CellNumberAtTheta
GEMS_ACQU_01	00190004	DS	CellSpacing
GEMS_ACQU_01	00190005	LT	Unknown
GEMS_ACQU_01	00190006	UN	Unknown
GEMS_ACQU_01	0019000e	US	Unknown
GEMS_ACQU_01	0019000f	DS	HorizontalFrameOfReference
GEMS_ACQU_01	00190011	SS	SeriesContrast
GEMS_ACQU_01	00190012	SS	LastPseq
GEMS_ACQU_01	00190013	SS	StartNumberForBaseline
GEMS_ACQU_01	00190014	SS	EndNumberForBaseline
GEMS_ACQU_01	00190015	SS	StartNumberForEnhancedScans
GEMS_ACQU_01	00190016	SS	EndNumberForEnhancedScans
GEMS_ACQU_01	00190017	SS	SeriesPlane
GEMS_ACQU_01	00190018	LO	FirstScanRAS
GEMS_ACQU_01	00190019	DS	FirstScanLocation
GEMS_ACQU_01	0019001a	LO	LastScanRAS
GEMS_ACQU_01	0019001b	DS	LastScanLocation
GEMS_ACQU_01	0019001e	DS	DisplayFieldOfView
GEMS_ACQU_01	00190020	DS	Unknown
GEMS_ACQU_01	00190022	DS	Unknown
GEMS_ACQU_01	00190023	DS	TableSpeed
GEMS_ACQU_01	00190024	DS	MidScanTime
GEMS_ACQU_01	00190025	SS	MidScanFlag
GEMS_ACQU_01	00190026	SL	DegreesOfAzimuth
GEMS_ACQU_01	00190027	DS	GantryPeriod
GEMS_ACQU_01	0019002a	DS	XrayOnPosition
GEMS_ACQU_01	0019002b	DS	XrayOffPosition
GEMS_ACQU_01	0019002c	SL	NumberOfTriggers
GEMS_ACQU_01	0019002d	US	Unknown
GEMS_ACQU_01	0019002e	DS	AngleOfFirstView
GEMS_ACQU_01	0019002f	DS	TriggerFrequency
GEMS_ACQU_01	00190039	SS	ScanFOVType
GEMS_ACQU_01	0019003a	IS	Unknown
GEMS_ACQU_01	0019003b	LT	Unknown
GEMS_ACQU_01	0019003c	UN	Unknown
GEMS_ACQU_01	0019003e	UN	Unknown
GEMS_ACQU_01	0019003f	UN	Unknown
GEMS_ACQU_01	00190040	SS	StatReconFlag
GEMS_ACQU_01	00190041	SS	ComputeType
GEMS_ACQU_01	00190042	SS	SegmentNumber
GEMS_ACQU_01	00190043	SS	TotalSegmentsRequested
GEMS_ACQU_01	00190044	DS	InterscanDelay
GEMS_ACQU_01	00190047	SS	ViewCompressionFactor
GEMS_ACQU_01	00190048	US	Unknown
GEMS_ACQU_01	00190049	US	Unknown
GEMS_ACQU_01	0019004a	SS	TotalNumberOfRefChannels
GEMS_ACQU_01	0019004b	SL	DataSizeForScanData
GEMS_ACQU_01	00190052	SS	ReconPostProcessingFlag
GEMS_ACQU_01	00190054	UN	Unknown
GEMS_ACQU_01	00190057	SS	CTWaterNumber
GEMS_ACQU_01	00190058	SS	CTBoneNumber
GEMS_ACQU_01	0019005a	FL	AcquisitionDuration
GEMS_ACQU_01	0019005d	US	Unknown
GEMS_ACQU_01	0019005e	SL	NumberOfChannels1To512
GEMS_ACQU_01	0019005f	SL	IncrementBetweenChannels
GEMS_ACQU_01	00190060	SL	StartingView
GEMS_ACQU_01	00190061	SL	NumberOfViews
GEMS_ACQU_01	00190062	SL	IncrementBetweenViews
GEMS_ACQU_01	0019006a	SS	DependantOnNumberOfViewsProcessed
GEMS_ACQU_01	0019006b	SS	FieldOfViewInDetectorCells
GEMS_ACQU_01	00190070	SS	ValueOfBackProjectionButton
GEMS_ACQU_01	00190071	SS	SetIfFatqEstimatesWereUsed
GEMS_ACQU_01	00190072	DS	ZChannelAvgOverViews
GEMS_ACQU_01	00190073	DS	AvgOfLeftRefChannelsOverViews
GEMS_ACQU_01	00190074	DS	MaxLeftChannelOverViews
GEMS_ACQU_01	00190075	DS	AvgOfRightRefChannelsOverViews
GEMS_ACQU_01	00190076	DS	MaxRightChannelOverViews
GEMS_ACQU_01	0019007d	DS	SecondEcho
GEMS_ACQU_01	0019007e	SS	NumberOfEchos
GEMS_ACQU_01	0019007f	DS	TableDelta
GEMS_ACQU_01	00190081	SS	Contiguous
GEMS_ACQU_01	00190082	US	Unknown
GEMS_ACQU_01	00190083	DS	Unknown
GEMS_ACQU_01	00190084	DS	PeakSAR
GEMS_ACQU_01	00190085	SS	MonitorSAR
GEMS_ACQU_01	00190086	US	Unknown
GEMS_ACQU_01	00190087	DS	CardiacRepetitionTime
GEMS_ACQU_01	00190088	SS	ImagesPerCardiacCycle
GEMS_ACQU_01	0019008a	SS	ActualReceiveGainAnalog
GEMS_ACQU_01	0019008b	SS	ActualReceiveGainDigital
GEMS_ACQU_01	0019008d	DS	DelayAfterTrigger
GEMS_ACQU_01	0019008f	SS	SwapPhaseFrequency
GEMS_ACQU_01	00190090	SS	PauseInterval
GEMS_ACQU_01	00190091	DS	PulseTime
GEMS_ACQU_01	00190092	SL	SliceOffsetOnFrequencyAxis
GEMS_ACQU_01	00190093	DS	CenterFrequency
GEMS_ACQU_01	00190094	SS	TransmitGain
GEMS_ACQU_01	00190095	SS	AnalogReceiverGain
GEMS_ACQU_01	00190096	SS	DigitalReceiverGain
GEMS_ACQU_01	00190097	SL	BitmapDefiningCVs
GEMS_ACQU_01	00190098	SS	CenterFrequencyMethod
GEMS_ACQU_01	00190099	US	Unknown
GEMS_ACQU_01	0019009b	SS	PulseSequenceMode
GEMS_ACQU_01	0019009c	LO	PulseSequenceName
GEMS_ACQU_01	0019009d	DT	PulseSequenceDate
GEMS_ACQU_01	0019009e	LO	InternalPulseSequenceName
GEMS_ACQU_01	0019009f	SS	TransmittingCoil
GEMS_ACQU_01	001900a0	SS	SurfaceCoilType
GEMS_ACQU_01	001900a1	SS	ExtremityCoilFlag
GEMS_ACQU_01	001900a2	SL	RawDataRunNumber
GEMS_ACQU_01	001900a3	UL	CalibratedFieldStrength
GEMS_ACQU_01	001900a4	SS	SATFatWaterBone
GEMS_ACQU_01	001900a5	DS	ReceiveBandwidth
GEMS_ACQU_01	001900a7	DS	UserData0
GEMS_ACQU_01	001900a8	DS	UserData1
GEMS_ACQU_01	001900a9	DS	UserData2
GEMS_ACQU_01	001900aa	DS	UserData3
GEMS_ACQU_01	001900ab	DS	UserData4
GEMS_ACQU_01	001900ac	DS	UserData5
GEMS_ACQU_01	001900ad	DS	UserData6
GEMS_ACQU_01	001900ae	DS	UserData7
GEMS_ACQU_01	001900af	DS	UserData8
GEMS_ACQU_01	001900b0	DS	UserData9
GEMS_ACQU_01	001900b1	DS	UserData10
GEMS_ACQU_01	001900b2	DS	UserData11
GEMS_ACQU_01	001900b3	DS	UserData12
GEMS_ACQU_01	001900b4	DS	UserData13
GEMS_ACQU_01	001900b5	DS	UserData14
GEMS_ACQU_01	001900b6	DS	UserData15
GEMS_ACQU_01	001900b7	DS	UserData16
GEMS_ACQU_01	001900b8	DS	UserData17
GEMS_ACQU_01	001900b9	DS	UserData18
GEMS_ACQU_01	001900ba	DS	UserData19
GEMS_ACQU_01	001900bb	DS	UserData20
GEMS_ACQU_01	001900bc	DS	UserData21
GEMS_ACQU_01	001900bd	DS	UserData22
GEMS_ACQU_01	001900be	DS	ProjectionAngle
GEMS_ACQU_01	001900c0	SS	SaturationPlanes
GEMS_ACQU_01	001900c1	SS	SurfaceCoilIntensityCorrectionFlag
GEMS_ACQU_01	001900c2	SS	SATLocationR
GEMS_ACQU_01	001900c3	SS	SATLocationL
GEMS_ACQU_01	001900c4	SS	SATLocationA
GEMS_ACQU_01	001900c5	SS	SATLocationP
GEMS_ACQU_01	001900c6	SS	SATLocationH
GEMS_ACQU_01	001900c7	SS	SATLocationF
GEMS_ACQU_01	001900c8	SS	SATThicknessRL
GEMS_ACQU_01	001900c9	SS	SATThicknessAP
GEMS_ACQU_01	001900ca	SS	SATThicknessHF
GEMS_ACQU_01	001900cb	SS	PrescribedFlowAxis
GEMS_ACQU_01	001900cc	SS	VelocityEncoding
GEMS_ACQU_01	001900cd	SS	ThicknessDisclaimer
GEMS_ACQU_01	001900ce	SS	PrescanType
GEMS_ACQU_01	001900cf	SS	PrescanStatus
GEMS_ACQU_01	001900d0	SH	RawDataType
GEMS_ACQU_01	001900d2	SS	ProjectionAlgorithm
GEMS_ACQU_01	001900d3	SH	ProjectionAlgorithm
GEMS_ACQU_01	001900d4	US	Unknown
GEMS_ACQU_01	001900d5	SS	FractionalEcho
GEMS_ACQU_01	001900d6	SS	PrepPulse
GEMS_ACQU_01	001900d7	SS	CardiacPhases
GEMS_ACQU_01	001900d8	SS	VariableEchoFlag
GEMS_ACQU_01	001900d9	DS	ConcatenatedSAT
GEMS_ACQU_01	001900da	SS	ReferenceChannelUsed
GEMS_ACQU_01	001900db	DS	BackProjectorCoefficient
GEMS_ACQU_01	001900dc	SS	PrimarySpeedCorrectionUsed
GEMS_ACQU_01	001900dd	SS	OverrangeCorrectionUsed
GEMS_ACQU_01	001900de	DS	DynamicZAlphaValue
GEMS_ACQU_01	001900df	DS	UserData23
GEMS_ACQU_01	001900e0	DS	UserData24
GEMS_ACQU_01	001900e1	DS	Unknown
GEMS_ACQU_01	001900e2	DS	VelocityEncodeScale
GEMS_ACQU_01	001900e3	LT	Unknown
GEMS_ACQU_01	001900e4	LT	Unknown
GEMS_ACQU_01	001900e5	IS	Unknown
GEMS_ACQU_01	001900e6	US	Unknown
GEMS_ACQU_01	001900e8	DS	Unknown
GEMS_ACQU_01	001900e9	DS	Unknown
GEMS_ACQU_01	001900eb	DS	Unknown
GEMS_ACQU_01	001900ec	US	Unknown
GEMS_ACQU_01	001900f0	UN	Unknown
GEMS_ACQU_01	001900f1	LT	Unknown
GEMS_ACQU_01	001900f2	SS	FastPhases
GEMS_ACQU_01	001900f3	LT	Unknown
GEMS_ACQU_01	001900f4	LT	Unknown
GEMS_ACQU_01	001900f9	DS	TransmitGain
GEMS_ACRQA_1.0 BLOCK1	00230000	LO	CRExposureMenuCode
GEMS_ACRQA_1.0 BLOCK1	00230010	LO	CRExposureMenuString
GEMS_ACRQA_1.0 BLOCK1	00230020	LO	CREDRMode
GEMS_ACRQA_1.0 BLOCK1	00230030	LO	CRLatitude
GEMS_ACRQA_1.0 BLOCK1	00230040	LO	CRGroupNumber
GEMS_ACRQA_1.0 BLOCK1	00230050	US	CRImageSerialNumber
GEMS_ACRQA_1.0 BLOCK1	00230060	LO	CRBarCodeNumber
GEMS_ACRQA_1.0 BLOCK1	00230070	LO	CRFilmOutputExposure
GEMS_ACRQA_1.0 BLOCK1	00230080	LO	CRFilmFormat
GEMS_ACRQA_1.0 BLOCK1	00230090	LO	CRSShiftString
GEMS_ACRQA_1.0 BLOCK2	00230000	US	CRSShift
GEMS_ACRQA_1.0 BLOCK2	00230010	DS	CRCShift
GEMS_ACRQA_1.0 BLOCK2	00230020	DS	CRGT
GEMS_ACRQA_1.0 BLOCK2	00230030	DS	CRGA
GEMS_ACRQA_1.0 BLOCK2	00230040	DS	CRGC
GEMS_ACRQA_1.0 BLOCK2	00230050	DS	CRGS
GEMS_ACRQA_1.0 BLOCK2	00230060	DS	CRRT
GEMS_ACRQA_1.0 BLOCK2	00230070	DS	CRRE
GEMS_ACRQA_1.0 BLOCK2	00230080	US	CRRN
GEMS_ACRQA_1.0 BLOCK2	00230090	DS	CRDRT
GEMS_ACRQA_1.0 BLOCK3	00230000	DS	CRDRE
GEMS_ACRQA_1.0 BLOCK3	00230010	US	CRDRN
GEMS_ACRQA_1.0 BLOCK3	00230020	DS	CRORE
GEMS_ACRQA_1.0 BLOCK3	00230030	US	CRORN
GEMS_ACRQA_1.0 BLOCK3	00230040	US	CRORD
GEMS_ACRQA_1.0 BLOCK3	00230050	LO	CRCassetteSize
GEMS_ACRQA_1.0 BLOCK3	00230060	LO	CRMachineID
GEMS_ACRQA_1.0 BLOCK3	00230070	LO	CRMachineType
GEMS_ACRQA_1.0 BLOCK3	00230080	LO	CRTechnicianCode
GEMS_ACRQA_1.0 BLOCK3	00230090	LO	CREnergySubtractionParameters
GEMS_ACRQA_2.0 BLOCK1	00230000	LO	CRExposureMenuCode
GEMS_ACRQA_2.0 BLOCK1	00230010	LO	CRExposureMenuString
GEMS_ACRQA_2.0 BLOCK1	00230020	LO	CREDRMode
GEMS_ACRQA_2.0 BLOCK1	00230030	LO	CRLatitude
GEMS_ACRQA_2.0 BLOCK1	00230040	LO	CRGroupNumber
GEMS_ACRQA_2.0 BLOCK1	00230050	US	CRImageSerialNumber
GEMS_ACRQA_2.0 BLOCK1	00230060	LO	CRBarCodeNumber
GEMS_ACRQA_2.0 BLOCK1	00230070	LO	CRFilmOutputExposure
GEMS_ACRQA_2.0 BLOCK1	00230080	LO	CRFilmFormat
GEMS_ACRQA_2.0 BLOCK1	00230090	LO	CRSShiftString
GEMS_ACRQA_2.0 BLOCK2	00230000	US	CRSShift
GEMS_ACRQA_2.0 BLOCK2	00230010	LO	CRCShift
GEMS_ACRQA_2.0 BLOCK2	00230020	LO	CRGT
GEMS_ACRQA_2.0 BLOCK2	00230030	DS	CRGA
GEMS_ACRQA_2.0 BLOCK2	00230040	DS	CRGC
GEMS_ACRQA_2.0 BLOCK2	00230050	DS	CRGS
GEMS_ACRQA_2.0 BLOCK2	00230060	LO	CRRT
GEMS_ACRQA_2.0 BLOCK2	00230070	DS	CRRE
GEMS_ACRQA_2.0 BLOCK2	00230080	US	CRRN
GEMS_ACRQA_2.0 BLOCK2	00230090	DS	CRDRT
GEMS_ACRQA_2.0 BLOCK3	00230000	DS	CRDRE
GEMS_ACRQA_2.0 BLOCK3	00230010	US	CRDRN
GEMS_ACRQA_2.0 BLOCK3	00230020	DS	CRORE
GEMS_ACRQA_2.0 BLOCK3	00230030	US	CRORN
GEMS_ACRQA_2.0 BLOCK3	00230040	US	CRORD
GEMS_ACRQA_2.0 BLOCK3	00230050	LO	CRCassetteSize
GEMS_ACRQA_2.0 BLOCK3	00230060	LO	CRMachineID
GEMS_ACRQA_2.0 BLOCK3	00230070	LO	CRMachineType
GEMS_ACRQA_2.0 BLOCK3	00230080	LO	CRTechnicianCode
GEMS_ACRQA_2.0 BLOCK3	00230090	LO	CREnergySubtractionParameters
GEMS_ACRQA_2.0 BLOCK3	002300f0	LO	CRDistributionCode
GEMS_ACRQA_2.0 BLOCK3	002300ff	US	CRShuttersApplied
GEMS_ADWSoft_3D1	00470001	SQ	ReconstructionParametersSequence
GEMS_ADWSoft_3D1	00470050	UL	VolumeVoxelCount
GEMS_ADWSoft_3D1	00470051	UL	VolumeSegmentCount
GEMS_ADWSoft_3D1	00470053	US	VolumeSliceSize
GEMS_ADWSoft_3D1	00470054	US	VolumeSliceCount
GEMS_ADWSoft_3D1	00470055	SL	VolumeThresholdValue
GEMS_ADWSoft_3D1	00470057	DS	VolumeVoxelRatio
GEMS_ADWSoft_3D1	00470058	DS	VolumeVoxelSize
GEMS_ADWSoft_3D1	00470059	US	VolumeZPositionSize
GEMS_ADWSoft_3D1	00470060	DS	VolumeBaseLine
GEMS_ADWSoft_3D1	00470061	DS	VolumeCenterPoint
GEMS_ADWSoft_3D1	00470063	SL	VolumeSkewBase
GEMS_ADWSoft_3D1	00470064	DS	VolumeRegistrationTransformRotationMatrix
GEMS_ADWSoft_3D1	00470065	DS	VolumeRegistrationTransformTranslationVector
GEMS_ADWSoft_3D1	00470070	DS	KVPList
GEMS_ADWSoft_3D1	00470071	IS	XRayTubeCurrentList
GEMS_ADWSoft_3D1	00470072	IS	ExposureList
GEMS_ADWSoft_3D1	00470080	LO	AcquisitionDLXIdentifier
GEMS_ADWSoft_3D1	00470085	SQ	AcquisitionDLX2DSeriesSequence
GEMS_ADWSoft_3D1	00470089	DS	ContrastAgentVolumeList
GEMS_ADWSoft_3D1	0047008a	US	NumberOfInjections
GEMS_ADWSoft_3D1	0047008b	US	FrameCount
GEMS_ADWSoft_3D1	00470091	LO	XA3DReconstructionAlgorithmName
GEMS_ADWSoft_3D1	00470092	CS	XA3DReconstructionAlgorithmVersion
GEMS_ADWSoft_3D1	00470093	DA	DLXCalibrationDate
GEMS_ADWSoft_3D1	00470094	TM	DLXCalibrationTime
GEMS_ADWSoft_3D1	00470095	CS	DLXCalibrationStatus
GEMS_ADWSoft_3D1	00470096	IS	UsedFrames
GEMS_ADWSoft_3D1	00470098	US	TransformCount
GEMS_ADWSoft_3D1	00470099	SQ	TransformSequence
GEMS_ADWSoft_3D1	0047009a	DS	TransformRotationMatrix
GEMS_ADWSoft_3D1	0047009b	DS	TransformTranslationVector
GEMS_ADWSoft_3D1	0047009c	LO	TransformLabel
GEMS_ADWSoft_3D1	004700b0	SQ	WireframeList
GEMS_ADWSoft_3D1	004700b1	US	WireframeCount
GEMS_ADWSoft_3D1	004700b2	US	LocationSystem
GEMS_ADWSoft_3D1	004700b5	LO	WireframeName
GEMS_ADWSoft_3D1	004700b6	LO	WireframeGroupName
GEMS_ADWSoft_3D1	004700b7	LO	WireframeColor
GEMS_ADWSoft_3D1	004700b8	SL	WireframeAttributes
GEMS_ADWSoft_3D1	004700b9	SL	WireframePointCount
GEMS_ADWSoft_3D1	004700ba	SL	WireframeTimestamp
GEMS_ADWSoft_3D1	004700bb	SQ	WireframePointList
GEMS_ADWSoft_3D1	004700bc	DS	WireframePointsCoordinates
GEMS_ADWSoft_3D1	004700c0	DS	VolumeUpperLeftHighCornerRAS
GEMS_ADWSoft_3D1	004700c1	DS	VolumeSliceToRASRotationMatrix
GEMS_ADWSoft_3D1	004700c2	DS	VolumeUpperLeftHighCornerTLOC
GEMS_ADWSoft_3D1	004700d1	OB	VolumeSegmentList
GEMS_ADWSoft_3D1	004700d2	OB	VolumeGradientList
GEMS_ADWSoft_3D1	004700d3	OB	VolumeDensityList
GEMS_ADWSoft_3D1	004700d4	OB	VolumeZPositionList
GEMS_ADWSoft_3D1	004700d5	OB	VolumeOriginalIndexList
GEMS_ADWSoft_DPO	00390080	IS	PrivateEntityNumber
GEMS_ADWSoft_DPO	00390085	DA	PrivateEntityDate
GEMS_ADWSoft_DPO	00390090	TM	PrivateEntityTime
GEMS_ADWSoft_DPO	00390095	LO	PrivateEntityLaunchCommand
GEMS_ADWSoft_DPO	003900aa	CS	PrivateEntityType
GEMS_CTHD_01	00330002	UN	Unknown
GEMS_DRS_1	00370010	LO	ReferringDepartment
GEMS_DRS_1	00370020	US	ScreenNumber
GEMS_DRS_1	00370040	SH	LeftOrientation
GEMS_DRS_1	00370042	SH	RightOrientation
GEMS_DRS_1	00370050	CS	Inversion
GEMS_DRS_1	00370060	US	DSA
GEMS_GENIE_1	00090010	LO	Unknown
GEMS_GENIE_1	00090011	SL	StudyFlags
GEMS_GENIE_1	00090012	SL	StudyType
GEMS_GENIE_1	0009001e	UI	Unknown
GEMS_GENIE_1	00090020	LO	Unknown
GEMS_GENIE_1	00090021	SL	SeriesFlags
GEMS_GENIE_1	00090022	SH	UserOrientation
GEMS_GENIE_1	00090023	SL	InitiationType
GEMS_GENIE_1	00090024	SL	InitiationDelay
GEMS_GENIE_1	00090025	SL	InitiationCountRate
GEMS_GENIE_1	00090026	SL	NumberEnergySets
GEMS_GENIE_1	00090027	SL	NumberDetectors
GEMS_GENIE_1	00090029	SL	Unknown
GEMS_GENIE_1	0009002a	SL	Unknown
GEMS_GENIE_1	0009002c	LO	SeriesComments
GEMS_GENIE_1	0009002d	SL	TrackBeatAverage
GEMS_GENIE_1	0009002e	FD	DistancePrescribed
GEMS_GENIE_1	00090030	LO	Unknown
GEMS_GENIE_1	00090035	SL	GantryLocusType
GEMS_GENIE_1	00090037	SL	StartingHeartRate
GEMS_GENIE_1	00090038	SL	RRWindowWidth
GEMS_GENIE_1	00090039	SL	RRWindowOffset
GEMS_GENIE_1	0009003a	SL	PercentCycleImaged
GEMS_GENIE_1	00090040	LO	Unknown
GEMS_GENIE_1	00090041	SL	PatientFlags
GEMS_GENIE_1	00090042	DA	PatientCreationDate
GEMS_GENIE_1	00090043	TM	PatientCreationTime
GEMS_GENIE_1	0011000a	SL	SeriesType
GEMS_GENIE_1	0011000b	SL	EffectiveSeriesDuration
GEMS_GENIE_1	0011000c	SL	NumBeats
GEMS_GENIE_1	0011000d	LO	RadioNuclideName
GEMS_GENIE_1	00110010	LO	Unknown
GEMS_GENIE_1	00110012	LO	DatasetName
GEMS_GENIE_1	00110013	SL	DatasetType
GEMS_GENIE_1	00110015	SL	DetectorNumber
GEMS_GENIE_1	00110016	SL	EnergyNumber
GEMS_GENIE_1	00110017	SL	RRIntervalWindowNumber
GEMS_GENIE_1	00110018	SL	MGBinNumber
GEMS_GENIE_1	00110019	FD	RadiusOfRotation
GEMS_GENIE_1	0011001a	SL	DetectorCountZone
GEMS_GENIE_1	0011001b	SL	NumEnergyWindows
GEMS_GENIE_1	0011001c	SL	EnergyOffset
GEMS_GENIE_1	0011001d	SL	EnergyRange
GEMS_GENIE_1	0011001f	SL	ImageOrientation
GEMS_GENIE_1	00110023	SL	UseFOVMask
GEMS_GENIE_1	00110024	SL	FOVMaskYCutoffAngle
GEMS_GENIE_1	00110025	SL	FOVMaskCutoffAngle
GEMS_GENIE_1	00110026	SL	TableOrientation
GEMS_GENIE_1	00110027	SL	ROITopLeft
GEMS_GENIE_1	00110028	SL	ROIBottomRight
GEMS_GENIE_1	00110030	LO	Unknown
GEMS_GENIE_1	00110033	LO	EnergyCorrectName
GEMS_GENIE_1	00110034	LO	SpatialCorrectName
GEMS_GENIE_1	00110035	LO	TuningCalibName
GEMS_GENIE_1	00110036	LO	UniformityCorrectName
GEMS_GENIE_1	00110037	LO	AcquisitionSpecificCorrectName
GEMS_GENIE_1	00110038	SL	ByteOrder
GEMS_GENIE_1	0011003a	SL	PictureFormat
GEMS_GENIE_1	0011003b	FD	PixelScale
GEMS_GENIE_1	0011003c	FD	PixelOffset
GEMS_GENIE_1	0011003e	SL	FOVShape
GEMS_GENIE_1	0011003f	SL	DatasetFlags
GEMS_GENIE_1	00110044	FD	ThresholdCenter
GEMS_GENIE_1	00110045	FD	ThresholdWidth
GEMS_GENIE_1	00110046	SL	InterpolationType
GEMS_GENIE_1	00110055	FD	Period
GEMS_GENIE_1	00110056	FD	ElapsedTime
GEMS_GENIE_1	00130010	FD	DigitalFOV
GEMS_GENIE_1	00130011	SL	Unknown
GEMS_GENIE_1	00130012	SL	Unknown
GEMS_GENIE_1	00130016	SL	AutoTrackPeak
GEMS_GENIE_1	00130017	SL	AutoTrackWidth
GEMS_GENIE_1	00130018	FD	TransmissionScanTime
GEMS_GENIE_1	00130019	FD	TransmissionMaskWidth
GEMS_GENIE_1	0013001a	FD	CopperAttenuatorThickness
GEMS_GENIE_1	0013001c	FD	Unknown
GEMS_GENIE_1	0013001d	FD	Unknown
GEMS_GENIE_1	0013001e	FD	TomoViewOffset
GEMS_GENIE_1	00130026	LT	StudyComments
GEMS_GNHD_01	00330001	UN	Unknown
GEMS_GNHD_01	00330002	UN	Unknown
GEMS_IDEN_01	00090001	LO	FullFidelity
GEMS_IDEN_01	00090002	SH	SuiteId
GEMS_IDEN_01	00090004	SH	ProductId
GEMS_IDEN_01	00090017	LT	Unknown
GEMS_IDEN_01	0009001a	US	Unknown
GEMS_IDEN_01	00090020	US	Unknown
GEMS_IDEN_01	00090027	SL	ImageActualDate
GEMS_IDEN_01	0009002f	LT	Unknown
GEMS_IDEN_01	00090030	SH	ServiceId
GEMS_IDEN_01	00090031	SH	MobileLocationNumber
GEMS_IDEN_01	000900e2	LT	Unknown
GEMS_IDEN_01	000900e3	UI	EquipmentUID
GEMS_IDEN_01	000900e6	SH	GenesisVersionNow
GEMS_IDEN_01	000900e7	UL	ExamRecordChecksum
GEMS_IDEN_01	000900e8	UL	Unknown
GEMS_IDEN_01	000900e9	SL	ActualSeriesDataTimeStamp
GEMS_IMAG_01	00270006	SL	ImageArchiveFlag
GEMS_IMAG_01	00270010	SS	ScoutType
GEMS_IMAG_01	0027001c	SL	VmaMamp
GEMS_IMAG_01	0027001d	SS	VmaPhase
GEMS_IMAG_01	0027001e	SL	VmaMod
GEMS_IMAG_01	0027001f	SL	VmaClip
GEMS_IMAG_01	00270020	SS	SmartScanOnOffFlag
GEMS_IMAG_01	00270030	SH	ForeignImageRevision
GEMS_IMAG_01	00270031	SS	ImagingMode
GEMS_IMAG_01	00270032	SS	PulseSequence
GEMS_IMAG_01	00270033	SL	ImagingOptions
GEMS_IMAG_01	00270035	SS	PlaneType
GEMS_IMAG_01	00270036	SL	ObliquePlane
GEMS_IMAG_01	00270040	SH	RASLetterOfImageLocation
GEMS_IMAG_01	00270041	FL	ImageLocation
GEMS_IMAG_01	00270042	FL	CenterRCoordOfPlaneImage
GEMS_IMAG_01	00270043	FL	CenterACoordOfPlaneImage
GEMS_IMAG_01	00270044	FL	CenterSCoordOfPlaneImage
GEMS_IMAG_01	00270045	FL	NormalRCoord
GEMS_IMAG_01	00270046	FL	NormalACoord
GEMS_IMAG_01	00270047	FL	NormalSCoord
GEMS_IMAG_01	00270048	FL	RCoordOfTopRightCorner
GEMS_IMAG_01	00270049	FL	ACoordOfTopRightCorner
GEMS_IMAG_01	0027004a	FL	SCoordOfTopRightCorner
GEMS_IMAG_01	0027004b	FL	RCoordOfBottomRightCorner
GEMS_IMAG_01	0027004c	FL	ACoordOfBottomRightCorner
GEMS_IMAG_01	0027004d	FL	SCoordOfBottomRightCorner
GEMS_IMAG_01	00270050	FL	TableStartLocation
GEMS_IMAG_01	00270051	FL	TableEndLocation
GEMS_IMAG_01	00270052	SH	RASLetterForSideOfImage
GEMS_IMAG_01	00270053	SH	RASLetterForAnteriorPosterior
GEMS_IMAG_01	00270054	SH	RASLetterForScoutStartLoc
GEMS_IMAG_01	00270055	SH	RASLetterForScoutEndLoc
GEMS_IMAG_01	00270060	FL	ImageDimensionX
GEMS_IMAG_01	00270061	FL	ImageDimensionY
GEMS_IMAG_01	00270062	FL	NumberOfExcitations
GEMS_IMPS_01	00290004	SL	LowerRangeOfPixels
GEMS_IMPS_01	00290005	DS	LowerRangeOfPixels
GEMS_IMPS_01	00290006	DS	LowerRangeOfPixels
GEMS_IMPS_01	00290007	SL	LowerRangeOfPixels
GEMS_IMPS_01	00290008	SH	LowerRangeOfPixels
GEMS_IMPS_01	00290009	SH	LowerRangeOfPixels
GEMS_IMPS_01	0029000a	SS	LowerRangeOfPixels
GEMS_IMPS_01	00290015	SL	LowerRangeOfPixels
GEMS_IMPS_01	00290016	SL	LowerRangeOfPixels
GEMS_IMPS_01	00290017	SL	LowerRangeOfPixels
GEMS_IMPS_01	00290018	SL	UpperRangeOfPixels
GEMS_IMPS_01	0029001a	SL	LengthOfTotalHeaderInBytes
GEMS_IMPS_01	00290026	SS	VersionOfHeaderStructure
GEMS_IMPS_01	00290034	SL	AdvantageCompOverflow
GEMS_IMPS_01	00290035	SL	AdvantageCompUnderflow
GEMS_PARM_01	00430001	SS	BitmapOfPrescanOptions
GEMS_PARM_01	00430002	SS	GradientOffsetInX
GEMS_PARM_01	00430003	SS	GradientOffsetInY
GEMS_PARM_01	00430004	SS	GradientOffsetInZ
GEMS_PARM_01	00430005	SS	ImageIsOriginalOrUnoriginal
GEMS_PARM_01	00430006	SS	NumberOfEPIShots
GEMS_PARM_01	00430007	SS	ViewsPerSegment
GEMS_PARM_01	00430008	SS	RespiratoryRateInBPM
GEMS_PARM_01	00430009	SS	RespiratoryTriggerPoint
GEMS_PARM_01	0043000a	SS	TypeOfReceiverUsed
GEMS_PARM_01	0043000b	DS	PeakRateOfChangeOfGradientField
GEMS_PARM_01	0043000c	DS	LimitsInUnitsOfPercent
GEMS_PARM_01	0043000d	DS	PSDEstimatedLimit
GEMS_PARM_01	0043000e	DS	PSDEstimatedLimitInTeslaPerSecond
GEMS_PARM_01	0043000f	DS	SARAvgHead
GEMS_PARM_01	00430010	US	WindowValue
GEMS_PARM_01	00430011	US	TotalInputViews
GEMS_PARM_01	00430012	SS	XrayChain
GEMS_PARM_01	00430013	SS	ReconKernelParameters
GEMS_PARM_01	00430014	SS	CalibrationParameters
GEMS_PARM_01	00430015	SS	TotalOutputViews
GEMS_PARM_01	00430016	SS	NumberOfOverranges
GEMS_PARM_01	00430017	DS	IBHImageScaleFactors
GEMS_PARM_01	00430018	DS	BBHCoefficients
GEMS_PARM_01	00430019	SS	NumberOfBBHChainsToBlend
GEMS_PARM_01	0043001a	SL	StartingChannelNumber
GEMS_PARM_01	0043001b	SS	PPScanParameters
GEMS_PARM_01	0043001c	SS	GEImageIntegrity
GEMS_PARM_01	0043001d	SS	LevelValue
GEMS_PARM_01	0043001e	DS	DeltaStartTime
GEMS_PARM_01	0043001f	SL	MaxOverrangesInAView
GEMS_PARM_01	00430020	DS	AvgOverrangesAllViews
GEMS_PARM_01	00430021	SS	CorrectedAfterglowTerms
GEMS_PARM_01	00430025	SS	ReferenceChannels
GEMS_PARM_01	00430026	US	NoViewsRefChannelsBlocked
GEMS_PARM_01	00430027	SH	ScanPitchRatio
GEMS_PARM_01	00430028	OB	UniqueImageIdentifier
GEMS_PARM_01	00430029	OB	HistogramTables
GEMS_PARM_01	0043002a	OB	UserDefinedData
GEMS_PARM_01	0043002b	SS	PrivateScanOptions
GEMS_PARM_01	0043002c	SS	EffectiveEchoSpacing
GEMS_PARM_01	0043002d	SH	StringSlopField1
GEMS_PARM_01	0043002e	SH	StringSlopField2
GEMS_PARM_01	0043002f	SS	RawDataType
GEMS_PARM_01	00430030	SS	RawDataType
GEMS_PARM_01	00430031	DS	RACoordOfTargetReconCentre
GEMS_PARM_01	00430032	SS	RawDataType
GEMS_PARM_01	00430033	FL	NegScanSpacing
GEMS_PARM_01	00430034	IS	OffsetFrequency
GEMS_PARM_01	00430035	UL	UserUsageTag
GEMS_PARM_01	00430036	UL	UserFillMapMSW
GEMS_PARM_01	00430037	UL	UserFillMapLSW
GEMS_PARM_01	00430038	FL	User25ToUser48
GEMS_PARM_01	00430039	IS	SlopInteger6ToSlopInteger9
GEMS_PARM_01	00430040	FL	TriggerOnPosition
GEMS_PARM_01	00430041	FL	DegreeOfRotation
GEMS_PARM_01	00430042	SL	DASTriggerSource
GEMS_PARM_01	00430043	SL	DASFpaGain
GEMS_PARM_01	00430044	SL	DASOutputSource
GEMS_PARM_01	00430045	SL	DASAdInput
GEMS_PARM_01	00430046	SL	DASCalMode
GEMS_PARM_01	00430047	SL	DASCalFrequency
GEMS_PARM_01	00430048	SL	DASRegXm
GEMS_PARM_01	00430049	SL	DASAutoZero
GEMS_PARM_01	0043004a	SS	StartingChannelOfView
GEMS_PARM_01	0043004b	SL	DASXmPattern
GEMS_PARM_01	0043004c	SS	TGGCTriggerMode
GEMS_PARM_01	0043004d	FL	StartScanToXrayOnDelay
GEMS_PARM_01	0043004e	FL	DurationOfXrayOn
GEMS_PARM_01	00430060	IS	SlopInteger10ToSlopInteger17
GEMS_PARM_01	00430061	UI	ScannerStudyEntityUID
GEMS_PARM_01	00430062	SH	ScannerStudyID
GEMS_PARM_01	0043006f	DS	ScannerTableEntry
GEMS_PARM_01	00430070	LO	ParadigmName
GEMS_PARM_01	00430071	ST	ParadigmDescription
GEMS_PARM_01	00430072	UI	ParadigmUID
GEMS_PARM_01	00430073	US	ExperimentType
GEMS_PARM_01	00430074	US	NumberOfRestVolumes
GEMS_PARM_01	00430075	US	NumberOfActiveVolumes
GEMS_PARM_01	00430076	US	NumberOfDummyScans
GEMS_PARM_01	00430077	SH	ApplicationName
GEMS_PARM_01	00430078	SH	ApplicationVersion
GEMS_PARM_01	00430079	US	SlicesPerVolume
GEMS_PARM_01	0043007a	US	ExpectedTimePoints
GEMS_PARM_01	0043007b	FL	RegressorValues
GEMS_PARM_01	0043007c	FL	DelayAfterSliceGroup
GEMS_PARM_01	0043007d	US	ReconModeFlagWord
GEMS_PARM_01	0043007e	LO	PACCSpecificInformation
GEMS_PARM_01	0043007f	DS	EDWIScaleFactor
GEMS_PARM_01	00430080	LO	CoilIDData
GEMS_PARM_01	00430081	LO	GECoilName
GEMS_PARM_01	00430082	LO	SystemConfigurationInformation
GEMS_PARM_01	00430083	DS	AssetRFactors
GEMS_PARM_01	00430084	LO	AdditionalAssetData
GEMS_PARM_01	00430085	UT	DebugDataTextFormat
GEMS_PARM_01	00430086	OB	DebugDataBinaryFormat
GEMS_PARM_01	00430087	UT	ScannerSoftwareVersionLongForm
GEMS_PARM_01	00430088	UI	PUREAcquisitionCalibrationSeriesUID
GEMS_PARM_01	00430089	LO	GoverningBodydBdtAndSARDefinition
GEMS_PARM_01	0043008a	CS	PrivateInPlanePhaseEncodingDirection
GEMS_PARM_01	0043008b	OB	FMRIBinaryDataBlock
GEMS_PARM_01	0043008c	DS	VoxelLocation
GEMS_PARM_01	0043008d	DS	SATBandLocations
GEMS_PARM_01	0043008e	DS	SpectroPrescanValues
GEMS_PARM_01	0043008f	DS	SpectroParameters
GEMS_PARM_01	00430090	LO	SARDefinition
GEMS_PARM_01	00430091	DS	SARValue
GEMS_PARM_01	00430092	LO	ImageErrorText
GEMS_PARM_01	00430093	DS	SpectroQuantitationValues
GEMS_PARM_01	00430094	DS	SpectroRatioValues
GEMS_PARM_01	00430095	LO	PrescanReuseString
GEMS_PARM_01	00430096	CS	ContentQualification
GEMS_PARM_01	00430097	LO	ImageFilteringParameters
GEMS_PARM_01	00430098	UI	ASSETAcquisitionCalibrationSeriesUID
GEMS_PARM_01	00430099	LO	ExtendedOptions
GEMS_PARM_01	0043009a	IS	RxStackIdentification
GEMS_PARM_01	0043009b	DS	NPWFactor
GEMS_PARM_01	0043009c	OB	ResearchTag1
GEMS_PARM_01	0043009d	OB	ResearchTag2
GEMS_PARM_01	0043009e	OB	ResearchTag3
GEMS_PARM_01	0043009f	OB	ResearchTag4
GEMS_PATI_01	00110010	SS	PatientStatus
GEMS_RELA_01	00210003	SS	SeriesFromWhichPrescribed
GEMS_RELA_01	00210005	SH	GenesisVersionNow
GEMS_RELA_01	00210007	UL	SeriesRecordChecksum
GEMS_RELA_01	00210015	US	Unknown
GEMS_RELA_01	00210016	SS	Unknown
GEMS_RELA_01	00210018	SH	GenesisVersionNow
GEMS_RELA_01	00210019	UL	AcqReconRecordChecksum
GEMS_RELA_01	00210020	DS	TableStartLocation
GEMS_RELA_01	00210035	SS	SeriesFromWhichPrescribed
GEMS_RELA_01	00210036	SS	ImageFromWhichPrescribed
GEMS_RELA_01	00210037	SS	ScreenFormat
GEMS_RELA_01	0021004a	LO	AnatomicalReferenceForScout
GEMS_RELA_01	0021004e	US	Unknown
GEMS_RELA_01	0021004f	SS	LocationsInAcquisition
GEMS_RELA_01	00210050	SS	GraphicallyPrescribed
GEMS_RELA_01	00210051	DS	RotationFromSourceXRot
GEMS_RELA_01	00210052	DS	RotationFromSourceYRot
GEMS_RELA_01	00210053	DS	RotationFromSourceZRot
GEMS_RELA_01	00210054	SH	ImagePosition
GEMS_RELA_01	00210055	SH	ImageOrientation
GEMS_RELA_01	00210056	SL	IntegerSlop
GEMS_RELA_01	00210057	SL	IntegerSlop
GEMS_RELA_01	00210058	SL	IntegerSlop
GEMS_RELA_01	00210059	SL	IntegerSlop
GEMS_RELA_01	0021005a	SL	IntegerSlop
GEMS_RELA_01	0021005b	DS	FloatSlop
GEMS_RELA_01	0021005c	DS	FloatSlop
GEMS_RELA_01	0021005d	DS	FloatSlop
GEMS_RELA_01	0021005e	DS	FloatSlop
GEMS_RELA_01	0021005f	DS	FloatSlop
GEMS_RELA_01	00210070	LT	Unknown
GEMS_RELA_01	00210071	LT	Unknown
GEMS_RELA_01	00210081	DS	AutoWindowLevelAlpha
GEMS_RELA_01	00210082	DS	AutoWindowLevelBeta
GEMS_RELA_01	00210083	DS	AutoWindowLevelWindow
GEMS_RELA_01	00210084	DS	AutoWindowLevelLevel
GEMS_RELA_01	00210090	SS	TubeFocalSpotPosition
GEMS_RELA_01	00210091	SS	BiopsyPosition
GEMS_RELA_01	00210092	FL	BiopsyTLocation
GEMS_RELA_01	00210093	FL	BiopsyRefLocation
GEMS_SENO_02	00450004	CS	AES
GEMS_SENO_02	00450006	DS	Angulation
GEMS_SENO_02	00450009	DS	RealMagnificationFactor
GEMS_SENO_02	0045000b	CS	SenographType
GEMS_SENO_02	0045000c	DS	IntegrationTime
GEMS_SENO_02	0045000d	DS	ROIOriginXY
GEMS_SENO_02	00450011	DS	ReceptorSizeCmXY
GEMS_SENO_02	00450012	IS	ReceptorSizePixelsXY
GEMS_SENO_02	00450013	ST	Screen
GEMS_SENO_02	00450014	DS	PixelPitchMicrons
GEMS_SENO_02	00450015	IS	PixelDepthBits
GEMS_SENO_02	00450016	IS	BinningFactorXY
GEMS_SENO_02	0045001b	CS	ClinicalView
GEMS_SENO_02	0045001d	DS	MeanOfRawGrayLevels
GEMS_SENO_02	0045001e	DS	MeanOfOffsetGrayLevels
GEMS_SENO_02	0045001f	DS	MeanOfCorrectedGrayLevels
GEMS_SENO_02	00450020	DS	MeanOfRegionGrayLevels
GEMS_SENO_02	00450021	DS	MeanOfLogRegionGrayLevels
GEMS_SENO_02	00450022	DS	StandardDeviationOfRawGrayLevels
GEMS_SENO_02	00450023	DS	StandardDeviationOfCorrectedGrayLevels
GEMS_SENO_02	00450024	DS	StandardDeviationOfRegionGrayLevels
GEMS_SENO_02	00450025	DS	StandardDeviationOfLogRegionGrayLevels
GEMS_SENO_02	00450026	OB	MAOBuffer
GEMS_SENO_02	00450027	IS	SetNumber
GEMS_SENO_02	00450028	CS	WindowingType
GEMS_SENO_02	00450029	DS	WindowingParameters
GEMS_SENO_02	0045002a	IS	CrosshairCursorXCoordinates
GEMS_SENO_02	0045002b	IS	CrosshairCursorYCoordinates
GEMS_SENO_02	00450039	US	VignetteRows
GEMS_SENO_02	0045003a	US	VignetteColumns
GEMS_SENO_02	0045003b	US	VignetteBitsAllocated
GEMS_SENO_02	0045003c	US	VignetteBitsStored
GEMS_SENO_02	0045003d	US	VignetteHighBit
GEMS_SENO_02	0045003e	US	VignettePixelRepresentation
GEMS_SENO_02	0045003f	OB	VignettePixelData
GEMS_SERS_01	00250006	SS	LastPulseSequenceUsed
GEMS_SERS_01	00250007	SL	ImagesInSeries
GEMS_SERS_01	00250010	SL	LandmarkCounter
GEMS_SERS_01	00250011	SS	NumberOfAcquisitions
GEMS_SERS_01	00250014	SL	IndicatesNumberOfUpdatesToHeader
GEMS_SERS_01	00250017	SL	SeriesCompleteFlag
GEMS_SERS_01	00250018	SL	NumberOfImagesArchived
GEMS_SERS_01	00250019	SL	LastImageNumberUsed
GEMS_SERS_01	0025001a	SH	PrimaryReceiverSuiteAndHost
GEMS_STDY_01	00230001	SL	NumberOfSeriesInStudy
GEMS_STDY_01	00230002	SL	NumberOfUnarchivedSeries
GEMS_STDY_01	00230010	SS	ReferenceImageField
GEMS_STDY_01	00230050	SS	SummaryImage
GEMS_STDY_01	00230070	FD	StartTimeSecsInFirstAxial
GEMS_STDY_01	00230074	SL	NumberOfUpdatesToHeader
GEMS_STDY_01	0023007d	SS	IndicatesIfStudyHasCompleteInfo
GEMS_Ultrasound_MovieGroup_001	7fe11060	px	IllegalPrivatePixelSequence
GEMS_YMHD_01	00330005	UN	Unknown
GEMS_YMHD_01	00330006	UN	Unknown
GE_GENESIS_REV3.0	00190039	SS	AxialType
GE_GENESIS_REV3.0	0019008f	SS	SwapPhaseFrequency
GE_GENESIS_REV3.0	0019009c	SS	PulseSequenceName
GE_GENESIS_REV3.0	0019009f	SS	CoilType
GE_GENESIS_REV3.0	001900a4	SS	SATFatWaterBone
GE_GENESIS_REV3.0	001900c0	SS	BitmapOfSATSelections
GE_GENESIS_REV3.0	001900c1	SS	SurfaceCoilIntensityCorrectionFlag
GE_GENESIS_REV3.0	001900cb	SS	PhaseContrastFlowAxis
GE_GENESIS_REV3.0	001900cc	SS	PhaseContrastVelocityEncoding
GE_GENESIS_REV3.0	001900d5	SS	FractionalEcho
GE_GENESIS_REV3.0	001900d8	SS	VariableEchoFlag
GE_GENESIS_REV3.0	001900d9	DS	ConcatenatedSat
GE_GENESIS_REV3.0	001900f2	SS	NumberOfPhases
GE_GENESIS_REV3.0	0043001e	DS	DeltaStartTime
GE_GENESIS_REV3.0	00430027	SH	ScanPitchRatio
INTEGRIS 1.0	00090008	CS	ExposureChannel
INTEGRIS 1.0	00090032	TM	ExposureStartTime
INTEGRIS 1.0	00190000	LO	APRName
INTEGRIS 1.0	00190040	DS	FrameRate
INTEGRIS 1.0	00210012	IS	ExposureNumber
INTEGRIS 1.0	00290008	IS	NumberOfExposureResults
INTEGRIS 1.0	00410020	FL	AccumulatedFluoroscopyDose
INTEGRIS 1.0	00410030	FL	AccumulatedExposureDose
INTEGRIS 1.0	00410040	FL	TotalDose
INTEGRIS 1.0	00410041	FL	TotalNumberOfFrames
INTEGRIS 1.0	00410050	SQ	ExposureInformationSequence
INTELERAD MEDICAL SYSTEMS	00290001	FD	ImageCompressionFraction
INTELERAD MEDICAL SYSTEMS	00290002	FD	ImageQuality
INTELERAD MEDICAL SYSTEMS	00290003	FD	ImageBytesTransferred
INTELERAD MEDICAL SYSTEMS	00290010	SH	J2cParameterType
INTELERAD MEDICAL SYSTEMS	00290011	US	J2cPixelRepresentation
INTELERAD MEDICAL SYSTEMS	00290012	US	J2cBitsAllocated
INTELERAD MEDICAL SYSTEMS	00290013	US	J2cPixelShiftValue
INTELERAD MEDICAL SYSTEMS	00290014	US	J2cPlanarConfiguration
INTELERAD MEDICAL SYSTEMS	00290015	DS	J2cRescaleIntercept
INTELERAD MEDICAL SYSTEMS	00290020	LO	PixelDataMD5SumPerFrame
INTELERAD MEDICAL SYSTEMS	00290021	US	HistogramPercentileLabels
INTELERAD MEDICAL SYSTEMS	00290022	FD	HistogramPercentileValues
INTELERAD MEDICAL SYSTEMS	3f010001	LO	InstitutionCode
INTELERAD MEDICAL SYSTEMS	3f010002	LO	RoutedTransferAE
INTELERAD MEDICAL SYSTEMS	3f010003	LO	SourceAE
INTELERAD MEDICAL SYSTEMS	3f010004	SH	DeferredValidation
INTELERAD MEDICAL SYSTEMS	3f010005	LO	SeriesOwner
INTELERAD MEDICAL SYSTEMS	3f010006	LO	OrderGroupNumber
INTELERAD MEDICAL SYSTEMS	3f010007	SH	StrippedPixelData
INTELERAD MEDICAL SYSTEMS	3f010008	SH	PendingMoveRequest
ISG shadow	00290070	IS	Unknown
ISG shadow	00290080	IS	Unknown
ISG shadow	00290090	IS	Unknown
ISI	00090001	UN	SIENETGeneralPurposeIMGEF
MERGE TECHNOLOGIES, INC.	00090000	OB	Unknown
OCULUS Optikgeraete GmbH	00291010	OB	OriginalMeasuringData
OCULUS Optikgeraete GmbH	00291012	UL	OriginalMeasuringDataLength
OCULUS Optikgeraete GmbH	00291020	OB	OriginalMeasuringRawData
OCULUS Optikgeraete GmbH	00291022	UL	OriginalMeasuringRawDataLength
PAPYRUS	00090000	LT	OriginalFileName
PAPYRUS	00090010	LT	OriginalFileLocation
PAPYRUS	00090018	LT	DataSetIdentifier
PAPYRUS	00410000	LT	PapyrusComments
PAPYRUS	00410010	US	FolderType
PAPYRUS	00410011	LT	PatientFolderDataSetID
PAPYRUS	00410020	LT	FolderName
PAPYRUS	00410030	DA	CreationDate
PAPYRUS	00410032	TM	CreationTime
PAPYRUS	00410034	DA	ModifiedDate
PAPYRUS	00410036	TM	ModifiedTime
PAPYRUS	00410040	LT	OwnerName
PAPYRUS	00410050	LT	FolderStatus
PAPYRUS	00410060	UL	NumberOfImages
PAPYRUS	00410062	UL	NumberOfOther
PAPYRUS	004100a0	LT	ExternalFolderElementDSID
PAPYRUS	004100a1	US	ExternalFolderElementDataSetType
PAPYRUS	004100a2	LT	ExternalFolderElementFileLocation
PAPYRUS	004100a3	UL	ExternalFolderElementLength
PAPYRUS	004100b0	LT	InternalFolderElementDSID
PAPYRUS	004100b1	US	InternalFolderElementDataSetType
PAPYRUS	004100b2	UL	InternalOffsetToDataSet
PAPYRUS	004100b3	UL	InternalOffsetToImage
PAPYRUS 3.0	00410000	LT	PapyrusComments
PAPYRUS 3.0	00410010	SQ	PointerSequence
PAPYRUS 3.0	00410011	UL	ImagePointer
PAPYRUS 3.0	00410012	UL	PixelOffset
PAPYRUS 3.0	00410013	SQ	ImageIdentifierSequence
PAPYRUS 3.0	00410014	SQ	ExternalFileReferenceSequence
PAPYRUS 3.0	00410015	US	NumberOfImages
PAPYRUS 3.0	00410021	UI	ReferencedSOPClassUID
PAPYRUS 3.0	00410022	UI	ReferencedSOPInstanceUID
PAPYRUS 3.0	00410031	LT	ReferencedFileName
PAPYRUS 3.0	00410032	LT	ReferencedFilePath
PAPYRUS 3.0	00410041	UI	ReferencedImageSOPClassUID
PAPYRUS 3.0	00410042	UI	ReferencedImageSOPInstanceUID
PAPYRUS 3.0	00410050	SQ	ImageSequence
PHILIPS IMAGING DD 001	20010001	FL	ChemicalShift
PHILIPS IMAGING DD 001	20010002	IS	ChemicalShiftNumberMR
PHILIPS IMAGING DD 001	20010003	FL	DiffusionBFactor
PHILIPS IMAGING DD 001	20010004	CS	DiffusionDirection
PHILIPS IMAGING DD 001	20010006	CS	ImageEnhanced
PHILIPS IMAGING DD 001	20010007	CS	ImageTypeEDES
PHILIPS IMAGING DD 001	20010008	IS	PhaseNumber
PHILIPS IMAGING DD 001	20010009	FL	ImagePrepulseDelay
PHILIPS IMAGING DD 001	2001000a	IS	SliceNumberMR
PHILIPS IMAGING DD 001	2001000b	CS	SliceOrientation
PHILIPS IMAGING DD 001	2001000c	CS	ArrhythmiaRejection
PHILIPS IMAGING DD 001	2001000e	CS	CardiacCycled
PHILIPS IMAGING DD 001	2001000f	SS	CardiacGateWidth
PHILIPS IMAGING DD 001	20010010	CS	CardiacSync
PHILIPS IMAGING DD 001	20010011	FL	DiffusionEchoTime
PHILIPS IMAGING DD 001	20010012	CS	DynamicSeries
PHILIPS IMAGING DD 001	20010013	SL	EPIFactor
PHILIPS IMAGING DD 001	20010014	SL	NumberOfEchoes
PHILIPS IMAGING DD 001	20010015	SS	NumberOfLocations
PHILIPS IMAGING DD 001	20010016	SS	NumberOfPCDirections
PHILIPS IMAGING DD 001	20010017	SL	NumberOfPhasesMR
PHILIPS IMAGING DD 001	20010018	SL	NumberOfSlicesMR
PHILIPS IMAGING DD 001	20010019	CS	PartialMatrixScanned
PHILIPS IMAGING DD 001	2001001a	FL	PCVelocity
PHILIPS IMAGING DD 001	2001001b	FL	PrepulseDelay
PHILIPS IMAGING DD 001	2001001c	CS	PrepulseType
PHILIPS IMAGING DD 001	2001001d	IS	ReconstructionNumberMR
PHILIPS IMAGING DD 001	2001001f	CS	RespirationSync
PHILIPS IMAGING DD 001	20010020	LO	ScanningTechnique
PHILIPS IMAGING DD 001	20010021	CS	SPIR
PHILIPS IMAGING DD 001	20010022	FL	WaterFatShift
PHILIPS IMAGING DD 001	20010023	DS	FlipAnglePhilips
PHILIPS IMAGING DD 001	20010024	CS	SeriesIsInteractive
PHILIPS IMAGING DD 001	20010025	SH	EchoTimeDisplayMR
PHILIPS IMAGING DD 001	20010026	CS	PresentationStateSubtractionActive
PHILIPS IMAGING DD 001	2001002d	SS	StackNumberOfSlices
PHILIPS IMAGING DD 001	20010032	FL	StackRadialAngle
PHILIPS IMAGING DD 001	20010033	CS	StackRadialAxis
PHILIPS IMAGING DD 001	20010035	SS	StackSliceNumber
PHILIPS IMAGING DD 001	20010036	CS	StackType
PHILIPS IMAGING DD 001	2001003f	CS	ZoomMode
PHILIPS IMAGING DD 001	20010058	UL	ContrastTransferTaste
PHILIPS IMAGING DD 001	2001005f	SQ	StackSequence
PHILIPS IMAGING DD 001	20010060	SL	NumberOfStacks
PHILIPS IMAGING DD 001	20010061	CS	SeriesTransmitted
PHILIPS IMAGING DD 001	20010062	CS	SeriesCommitted
PHILIPS IMAGING DD 001	20010063	CS	ExaminationSource
PHILIPS IMAGING DD 001	20010067	CS	LinearPresentationGLTrafoShapeSub
PHILIPS IMAGING DD 001	20010077	CS	GLTrafoType
PHILIPS IMAGING DD 001	2001007b	IS	AcquisitionNumber
PHILIPS IMAGING DD 001	20010081	IS	NumberOfDynamicScans
PHILIPS IMAGING DD 001	2001009f	US	PixelProcessingKernelSize
PHILIPS IMAGING DD 001	200100a1	CS	IsRawImage
PHILIPS IMAGING DD 001	200100f1	FL	ProspectiveMotionCorrection
PHILIPS IMAGING DD 001	200100f2	FL	RetrospectiveMotionCorrection
PHILIPS MR	00090010	LO	SPIRelease
PHILIPS MR	00090012	LO	Unknown
PHILIPS MR IMAGING DD 001	20050005	CS	SynergyReconstructionType
PHILIPS MR IMAGING DD 001	2005001e	SH	MIPProtocol
PHILIPS MR IMAGING DD 001	2005001f	SH	MPRProtocol
PHILIPS MR IMAGING DD 001	20050020	SL	NumberOfChemicalShifts
PHILIPS MR IMAGING DD 001	2005002d	SS	NumberOfStackSlices
PHILIPS MR IMAGING DD 001	20050083	SQ	Unknown
PHILIPS MR IMAGING DD 001	200500a1	CS	SyncraScanType
PHILIPS MR IMAGING DD 001	200500b0	FL	DiffusionDirectionRL
PHILIPS MR IMAGING DD 001	200500b1	FL	DiffusionDirectionAP
PHILIPS MR IMAGING DD 001	200500b2	FL	DiffusionDirectionFH
PHILIPS MR R5.5/PART	00191000	DS	FieldOfView
PHILIPS MR R5.6/PART	00191000	DS	FieldOfView
PHILIPS MR SPECTRO;1	00190001	US	Unknown
PHILIPS MR SPECTRO;1	00190002	US	Unknown
PHILIPS MR SPECTRO;1	00190003	US	Unknown
PHILIPS MR SPECTRO;1	00190004	US	Unknown
PHILIPS MR SPECTRO;1	00190005	US	Unknown
PHILIPS MR SPECTRO;1	00190006	US	Unknown
PHILIPS MR SPECTRO;1	00190007	IS	Unknown
PHILIPS MR SPECTRO;1	00190008	IS	Unknown
PHILIPS MR SPECTRO;1	00190009	IS	Unknown
PHILIPS MR SPECTRO;1	00190010	IS	Unknown
PHILIPS MR SPECTRO;1	00190012	IS	Unknown
PHILIPS MR SPECTRO;1	00190013	IS	Unknown
PHILIPS MR SPECTRO;1	00190014	US	Unknown
PHILIPS MR SPECTRO;1	00190015	US	Unknown
PHILIPS MR SPECTRO;1	00190016	IS	Unknown
PHILIPS MR SPECTRO;1	00190017	IS	Unknown
PHILIPS MR SPECTRO;1	00190018	UN	Unknown
PHILIPS MR SPECTRO;1	00190020	IS	Unknown
PHILIPS MR SPECTRO;1	00190021	IS	Unknown
PHILIPS MR SPECTRO;1	00190022	IS	Unknown
PHILIPS MR SPECTRO;1	00190023	IS	Unknown
PHILIPS MR SPECTRO;1	00190024	IS	Unknown
PHILIPS MR SPECTRO;1	00190025	IS	Unknown
PHILIPS MR SPECTRO;1	00190026	IS	Unknown
PHILIPS MR SPECTRO;1	00190027	IS	Unknown
PHILIPS MR SPECTRO;1	00190028	IS	Unknown
PHILIPS MR SPECTRO;1	00190029	IS	Unknown
PHILIPS MR SPECTRO;1	00190031	US	Unknown
PHILIPS MR SPECTRO;1	00190032	US	Unknown
PHILIPS MR SPECTRO;1	00190041	LT	Unknown
PHILIPS MR SPECTRO;1	00190042	IS	Unknown
PHILIPS MR SPECTRO;1	00190043	IS	Unknown
PHILIPS MR SPECTRO;1	00190045	US	Unknown
PHILIPS MR SPECTRO;1	00190046	US	Unknown
PHILIPS MR SPECTRO;1	00190047	IS	Unknown
PHILIPS MR SPECTRO;1	00190048	IS	Unknown
PHILIPS MR SPECTRO;1	00190049	US	Unknown
PHILIPS MR SPECTRO;1	00190050	UN	Unknown
PHILIPS MR SPECTRO;1	00190060	US	Unknown
PHILIPS MR SPECTRO;1	00190061	US	Unknown
PHILIPS MR SPECTRO;1	00190070	UN	Unknown
PHILIPS MR SPECTRO;1	00190071	IS	Unknown
PHILIPS MR SPECTRO;1	00190072	US	Unknown
PHILIPS MR SPECTRO;1	00190073	US	Unknown
PHILIPS MR SPECTRO;1	00190074	US	Unknown
PHILIPS MR SPECTRO;1	00190076	US	Unknown
PHILIPS MR SPECTRO;1	00190077	US	Unknown
PHILIPS MR SPECTRO;1	00190078	US	Unknown
PHILIPS MR SPECTRO;1	00190079	US	Unknown
PHILIPS MR SPECTRO;1	00190080	IS	Unknown
PHILIPS MR/LAST	00190009	DS	MainMagneticField
PHILIPS MR/LAST	0019000e	IS	FlowCompensation
PHILIPS MR/LAST	001900b1	IS	MinimumRRInterval
PHILIPS MR/LAST	001900b2	IS	MaximumRRInterval
PHILIPS MR/LAST	001900b3	IS	NumberOfRejections
PHILIPS MR/LAST	001900b4	IS	NumberOfRRIntervals
PHILIPS MR/LAST	001900b5	IS	ArrhythmiaRejection
PHILIPS MR/LAST	001900c0	DS	Unknown
PHILIPS MR/LAST	001900c6	IS	CycledMultipleSlice
PHILIPS MR/LAST	001900ce	IS	REST
PHILIPS MR/LAST	001900d5	DS	Unknown
PHILIPS MR/LAST	001900d6	IS	FourierInterpolation
PHILIPS MR/LAST	001900d9	IS	Unknown
PHILIPS MR/LAST	001900e0	IS	Prepulse
PHILIPS MR/LAST	001900e1	DS	PrepulseDelay
PHILIPS MR/LAST	001900e2	IS	Unknown
PHILIPS MR/LAST	001900e3	DS	Unknown
PHILIPS MR/LAST	001900f0	LT	WSProtocolString1
PHILIPS MR/LAST	001900f1	LT	WSProtocolString2
PHILIPS MR/LAST	001900f2	LT	WSProtocolString3
PHILIPS MR/LAST	001900f3	LT	WSProtocolString4
PHILIPS MR/LAST	00210000	IS	Unknown
PHILIPS MR/LAST	00210010	IS	Unknown
PHILIPS MR/LAST	00210020	IS	Unknown
PHILIPS MR/LAST	00210021	DS	SliceGap
PHILIPS MR/LAST	00210022	DS	StackRadialAngle
PHILIPS MR/LAST	00270000	US	Unknown
PHILIPS MR/LAST	00270011	US	Unknown
PHILIPS MR/LAST	00270012	DS	Unknown
PHILIPS MR/LAST	00270013	DS	Unknown
PHILIPS MR/LAST	00270014	DS	Unknown
PHILIPS MR/LAST	00270015	DS	Unknown
PHILIPS MR/LAST	00270016	LO	Unknown
PHILIPS MR/LAST	00290010	DS	FPMin
PHILIPS MR/LAST	00290020	DS	FPMax
PHILIPS MR/LAST	00290030	DS	ScaledMinimum
PHILIPS MR/LAST	00290040	DS	ScaledMaximum
PHILIPS MR/LAST	00290050	DS	WindowMinimum
PHILIPS MR/LAST	00290060	DS	WindowMaximum
PHILIPS MR/LAST	00290061	IS	Unknown
PHILIPS MR/LAST	00290070	DS	Unknown
PHILIPS MR/LAST	00290071	DS	Unknown
PHILIPS MR/LAST	00290072	IS	Unknown
PHILIPS MR/LAST	00290080	IS	ViewCenter
PHILIPS MR/LAST	00290081	IS	ViewSize
PHILIPS MR/LAST	00290082	IS	ViewZoom
PHILIPS MR/LAST	00290083	IS	ViewTransform
PHILIPS MR/LAST	60010000	LT	Unknown
PHILIPS MR/PART	00191000	DS	FieldOfView
PHILIPS MR/PART	00191005	DS	CCAngulation
PHILIPS MR/PART	00191006	DS	APAngulation
PHILIPS MR/PART	00191007	DS	LRAngulation
PHILIPS MR/PART	00191008	IS	PatientPosition
PHILIPS MR/PART	00191009	IS	PatientOrientation
PHILIPS MR/PART	0019100a	IS	SliceOrientation
PHILIPS MR/PART	0019100b	DS	LROffcenter
PHILIPS MR/PART	0019100c	DS	CCOffcenter
PHILIPS MR/PART	0019100d	DS	APOffcenter
PHILIPS MR/PART	0019100e	DS	Unknown
PHILIPS MR/PART	0019100f	IS	NumberOfSlices
PHILIPS MR/PART	00191010	DS	SliceFactor
PHILIPS MR/PART	00191011	DS	EchoTimes
PHILIPS MR/PART	00191015	IS	DynamicStudy
PHILIPS MR/PART	00191018	DS	HeartbeatInterval
PHILIPS MR/PART	00191019	DS	RepetitionTimeFFE
PHILIPS MR/PART	0019101a	DS	FFEFlipAngle
PHILIPS MR/PART	0019101b	IS	NumberOfScans
PHILIPS MR/PART	00191021	DS	Unknown
PHILIPS MR/PART	00191022	DS	DynamicScanTimeBegin
PHILIPS MR/PART	00191024	IS	Unknown
PHILIPS MR/PART	00191064	DS	RepetitionTimeSE
PHILIPS MR/PART	00191065	DS	RepetitionTimeIR
PHILIPS MR/PART	00191069	IS	NumberOfPhases
PHILIPS MR/PART	0019106a	IS	CardiacFrequency
PHILIPS MR/PART	0019106b	DS	InversionDelay
PHILIPS MR/PART	0019106c	DS	GateDelay
PHILIPS MR/PART	0019106d	DS	GateWidth
PHILIPS MR/PART	0019106e	DS	TriggerDelayTime
PHILIPS MR/PART	00191080	IS	NumberOfChemicalShifts
PHILIPS MR/PART	00191081	DS	ChemicalShift
PHILIPS MR/PART	00191084	IS	NumberOfRows
PHILIPS MR/PART	00191085	IS	NumberOfSamples
PHILIPS MR/PART	00191094	LO	MagnetizationTransferContrast
PHILIPS MR/PART	00191095	LO	SpectralPresaturationWithInversionRecovery
PHILIPS MR/PART	00191096	IS	Unknown
PHILIPS MR/PART	00191097	LO	Unknown
PHILIPS MR/PART	001910a0	IS	Unknown
PHILIPS MR/PART	001910a1	DS	Unknown
PHILIPS MR/PART	001910a3	DS	Unknown
PHILIPS MR/PART	001910a4	CS	Unknown
PHILIPS MR/PART	001910c8	IS	Unknown
PHILIPS MR/PART	001910c9	IS	FoldoverDirectionTransverse
PHILIPS MR/PART	001910ca	IS	FoldoverDirectionSagittal
PHILIPS MR/PART	001910cb	IS	FoldoverDirectionCoronal
PHILIPS MR/PART	001910cc	IS	Unknown
PHILIPS MR/PART	001910cd	IS	Unknown
PHILIPS MR/PART	001910ce	IS	Unknown
PHILIPS MR/PART	001910cf	IS	NumberOfEchoes
PHILIPS MR/PART	001910d0	IS	ScanResolution
PHILIPS MR/PART	001910d2	LO	WaterFatShift
PHILIPS MR/PART	001910d4	IS	ArtifactReduction
PHILIPS MR/PART	001910d5	IS	Unknown
PHILIPS MR/PART	001910d6	IS	Unknown
PHILIPS MR/PART	001910d7	DS	ScanPercentage
PHILIPS MR/PART	001910d8	IS	Halfscan
PHILIPS MR/PART	001910d9	IS	EPIFactor
PHILIPS MR/PART	001910da	IS	TurboFactor
PHILIPS MR/PART	001910db	IS	Unknown
PHILIPS MR/PART	001910e0	IS	PercentageOfScanCompleted
PHILIPS MR/PART	001910e1	IS	Unknown
PHILIPS MR/PART	00191100	IS	NumberOfStacks
PHILIPS MR/PART	00191101	IS	StackType
PHILIPS MR/PART	00191102	IS	Unknown
PHILIPS MR/PART	0019110b	DS	LROffcenter
PHILIPS MR/PART	0019110c	DS	CCOffcenter
PHILIPS MR/PART	0019110d	DS	APOffcenter
PHILIPS MR/PART	00191145	IS	ReconstructionResolution
PHILIPS MR/PART	001911fc	IS	ResonanceFrequency
PHILIPS MR/PART	001912c0	DS	TriggerDelayTimes
PHILIPS MR/PART	001912e0	IS	PrepulseType
PHILIPS MR/PART	001912e1	DS	PrepulseDelay
PHILIPS MR/PART	001912e3	DS	PhaseContrastVelocity
PHILIPS MR/PART	00211000	IS	ReconstructionNumber
PHILIPS MR/PART	00211010	IS	ImageType
PHILIPS MR/PART	00211020	IS	SliceNumber
PHILIPS MR/PART	00211030	IS	EchoNumber
PHILIPS MR/PART	00211031	DS	PatientReferenceID
PHILIPS MR/PART	00211035	IS	ChemicalShiftNumber
PHILIPS MR/PART	00211040	IS	PhaseNumber
PHILIPS MR/PART	00211050	IS	DynamicScanNumber
PHILIPS MR/PART	00211060	IS	NumberOfRowsInObject
PHILIPS MR/PART	00211061	IS	RowNumber
PHILIPS MR/PART	00211062	IS	Unknown
PHILIPS MR/PART	00211100	DA	ScanDate
PHILIPS MR/PART	00211110	TM	ScanTime
PHILIPS MR/PART	00211221	IS	SliceGap
PHILIPS MR/PART	00290000	DS	Unknown
PHILIPS MR/PART	00290004	US	Unknown
PHILIPS MR/PART	00290010	DS	Unknown
PHILIPS MR/PART	00290011	DS	Unknown
PHILIPS MR/PART	00290020	LO	Unknown
PHILIPS MR/PART	00290031	DS	Unknown
PHILIPS MR/PART	00290032	DS	Unknown
PHILIPS MR/PART	002900c3	IS	ScanResolution
PHILIPS MR/PART	002900c4	IS	FieldOfView
PHILIPS MR/PART	002900d5	LT	SliceThickness
PHILIPS-MR-1	00190011	IS	ChemicalShiftNumber
PHILIPS-MR-1	00190012	IS	PhaseNumber
PHILIPS-MR-1	00210001	IS	ReconstructionNumber
PHILIPS-MR-1	00210002	IS	SliceNumber
Philips Imaging DD 001	20010001	FL	ChemicalShift
Philips Imaging DD 001	20010002	IS	ChemicalShiftNumberMR
Philips Imaging DD 001	20010003	FL	DiffusionBFactor
Philips Imaging DD 001	20010004	CS	DiffusionDirection
Philips Imaging DD 001	20010006	CS	ImageEnhanced
Philips Imaging DD 001	20010007	CS	ImageTypeEDES
Philips Imaging DD 001	20010008	IS	PhaseNumber
Philips Imaging DD 001	20010009	FL	ImagePrepulseDelay
Philips Imaging DD 001	2001000a	IS	SliceNumberMR
Philips Imaging DD 001	2001000b	CS	SliceOrientation
Philips Imaging DD 001	2001000c	CS	ArrhythmiaRejection
Philips Imaging DD 001	2001000e	CS	CardiacCycled
Philips Imaging DD 001	2001000f	SS	CardiacGateWidth
Philips Imaging DD 001	20010010	CS	CardiacSync
Philips Imaging DD 001	20010011	FL	DiffusionEchoTime
Philips Imaging DD 001	20010012	CS	DynamicSeries
Philips Imaging DD 001	20010013	SL	EPIFactor
Philips Imaging DD 001	20010014	SL	NumberOfEchoes
Philips Imaging DD 001	20010015	SS	NumberOfLocations
Philips Imaging DD 001	20010016	SS	NumberOfPCDirections
Philips Imaging DD 001	20010017	SL	NumberOfPhasesMR
Philips Imaging DD 001	20010018	SL	NumberOfSlicesMR
Philips Imaging DD 001	20010019	CS	PartialMatrixScanned
Philips Imaging DD 001	2001001a	FL	PCVelocity
Philips Imaging DD 001	2001001b	FL	PrepulseDelay
Philips Imaging DD 001	2001001c	CS	PrepulseType
Philips Imaging DD 001	2001001d	IS	ReconstructionNumberMR
Philips Imaging DD 001	2001001f	CS	RespirationSync
Philips Imaging DD 001	20010020	LO	ScanningTechnique
Philips Imaging DD 001	20010021	CS	SPIR
Philips Imaging DD 001	20010022	FL	WaterFatShift
Philips Imaging DD 001	20010023	DS	FlipAnglePhilips
Philips Imaging DD 001	20010024	CS	SeriesIsInteractive
Philips Imaging DD 001	20010025	SH	EchoTimeDisplayMR
Philips Imaging DD 001	20010026	CS	PresentationStateSubtractionActive
Philips Imaging DD 001	2001002d	SS	StackNumberOfSlices
Philips Imaging DD 001	20010032	FL	StackRadialAngle
Philips Imaging DD 001	20010033	CS	StackRadialAxis
Philips Imaging DD 001	20010035	SS	StackSliceNumber
Philips Imaging DD 001	20010036	CS	StackType
Philips Imaging DD 001	2001003f	CS	ZoomMode
Philips Imaging DD 001	20010058	UL	ContrastTransferTaste
Philips Imaging DD 001	2001005f	SQ	StackSequence
Philips Imaging DD 001	20010060	SL	NumberOfStacks
Philips Imaging DD 001	20010061	CS	SeriesTransmitted
Philips Imaging DD 001	20010062	CS	SeriesCommitted
Philips Imaging DD 001	20010063	CS	ExaminationSource
Philips Imaging DD 001	20010067	CS	LinearPresentationGLTrafoShapeSub
Philips Imaging DD 001	20010077	CS	GLTrafoType
Philips Imaging DD 001	2001007b	IS	AcquisitionNumber
Philips Imaging DD 001	20010081	IS	NumberOfDynamicScans
Philips Imaging DD 001	2001009f	US	PixelProcessingKernelSize
Philips Imaging DD 001	200100a1	CS	IsRawImage
Philips Imaging DD 001	200100f1	FL	ProspectiveMotionCorrection
Philips Imaging DD 001	200100f2	FL	RetrospectiveMotionCorrection
Philips MR Imaging DD 001	20050005	CS	SynergyReconstructionType
Philips MR Imaging DD 001	2005001e	SH	MIPProtocol
Philips MR Imaging DD 001	2005001f	SH	MPRProtocol
Philips MR Imaging DD 001	20050020	SL	NumberOfChemicalShifts
Philips MR Imaging DD 001	2005002d	SS	NumberOfStackSlices
Philips MR Imaging DD 001	20050083	SQ	Unknown
Philips MR Imaging DD 001	200500a1	CS	SyncraScanType
Philips MR Imaging DD 001	200500b0	FL	DiffusionDirectionRL
Philips MR Imaging DD 001	200500b1	FL	DiffusionDirectionAP
Philips MR Imaging DD 001	200500b2	FL	DiffusionDirectionFH
Philips MR Imaging DD 005	20050002	SQ	Unknown
Picker NM Private Group	70010001	UI	Unknown
Picker NM Private Group	70010002	OB	Unknown
SIEMENS CM VA0  ACQU	00190010	LT	ParameterFileName
SIEMENS CM VA0  ACQU	00190011	LO	SequenceFileName
SIEMENS CM VA0  ACQU	00190012	LT	SequenceFileOwner
SIEMENS CM VA0  ACQU	00190013	LT	SequenceDescription
SIEMENS CM VA0  ACQU	00190014	LT	EPIFileName
SIEMENS CM VA0  CMS	00090000	DS	NumberOfMeasurements
SIEMENS CM VA0  CMS	00090010	LT	StorageMode
SIEMENS CM VA0  CMS	00090012	UL	EvaluationMaskImage
SIEMENS CM VA0  CMS	00090026	DA	LastMoveDate
SIEMENS CM VA0  CMS	00090027	TM	LastMoveTime
SIEMENS CM VA0  CMS	0011000a	LT	Unknown
SIEMENS CM VA0  CMS	00110010	DA	RegistrationDate
SIEMENS CM VA0  CMS	00110011	TM	RegistrationTime
SIEMENS CM VA0  CMS	00110022	LT	Unknown
SIEMENS CM VA0  CMS	00110023	DS	UsedPatientWeight
SIEMENS CM VA0  CMS	00110040	IS	OrganCode
SIEMENS CM VA0  CMS	00130000	LT	ModifyingPhysician
SIEMENS CM VA0  CMS	00130010	DA	ModificationDate
SIEMENS CM VA0  CMS	00130012	TM	ModificationTime
SIEMENS CM VA0  CMS	00130020	LO	PatientName
SIEMENS CM VA0  CMS	00130022	LO	PatientId
SIEMENS CM VA0  CMS	00130030	DA	PatientBirthdate
SIEMENS CM VA0  CMS	00130031	DS	PatientWeight
SIEMENS CM VA0  CMS	00130032	LT	PatientsMaidenName
SIEMENS CM VA0  CMS	00130033	LT	ReferringPhysician
SIEMENS CM VA0  CMS	00130034	LT	AdmittingDiagnosis
SIEMENS CM VA0  CMS	00130035	LO	PatientSex
SIEMENS CM VA0  CMS	00130040	LO	ProcedureDescription
SIEMENS CM VA0  CMS	00130042	LO	RestDirection
SIEMENS CM VA0  CMS	00130044	LO	PatientPosition
SIEMENS CM VA0  CMS	00130046	LT	ViewDirection
SIEMENS CM VA0  CMS	00130050	LT	Unknown
SIEMENS CM VA0  CMS	00130051	LT	Unknown
SIEMENS CM VA0  CMS	00130052	LT	Unknown
SIEMENS CM VA0  CMS	00130053	LT	Unknown
SIEMENS CM VA0  CMS	00130054	LT	Unknown
SIEMENS CM VA0  CMS	00130055	LT	Unknown
SIEMENS CM VA0  CMS	00130056	LT	Unknown
SIEMENS CM VA0  CMS	00190010	DS	NetFrequency
SIEMENS CM VA0  CMS	00190020	LT	MeasurementMode
SIEMENS CM VA0  CMS	00190030	LT	CalculationMode
SIEMENS CM VA0  CMS	00190050	IS	NoiseLevel
SIEMENS CM VA0  CMS	00190060	IS	NumberOfDataBytes
SIEMENS CM VA0  CMS	00210020	DS	FoV
SIEMENS CM VA0  CMS	00210022	DS	ImageMagnificationFactor
SIEMENS CM VA0  CMS	00210024	DS	ImageScrollOffset
SIEMENS CM VA0  CMS	00210026	IS	ImagePixelOffset
SIEMENS CM VA0  CMS	00210030	LT	ViewDirection
SIEMENS CM VA0  CMS	00210032	CS	PatientRestDirection
SIEMENS CM VA0  CMS	00210060	DS	ImagePosition
SIEMENS CM VA0  CMS	00210061	DS	ImageNormal
SIEMENS CM VA0  CMS	00210063	DS	ImageDistance
SIEMENS CM VA0  CMS	00210065	US	ImagePositioningHistoryMask
SIEMENS CM VA0  CMS	0021006a	DS	ImageRow
SIEMENS CM VA0  CMS	0021006b	DS	ImageColumn
SIEMENS CM VA0  CMS	00210070	LT	PatientOrientationSet1
SIEMENS CM VA0  CMS	00210071	LT	PatientOrientationSet2
SIEMENS CM VA0  CMS	00210080	LT	StudyName
SIEMENS CM VA0  CMS	00210082	LT	StudyType
SIEMENS CM VA0  CMS	00290010	LT	WindowStyle
SIEMENS CM VA0  CMS	00290011	LT	Unknown
SIEMENS CM VA0  CMS	00290013	LT	Unknown
SIEMENS CM VA0  CMS	00290020	LT	PixelQualityCode
SIEMENS CM VA0  CMS	00290022	IS	PixelQualityValue
SIEMENS CM VA0  CMS	00290050	LT	ArchiveCode
SIEMENS CM VA0  CMS	00290051	LT	ExposureCode
SIEMENS CM VA0  CMS	00290052	LT	SortCode
SIEMENS CM VA0  CMS	00290053	LT	Unknown
SIEMENS CM VA0  CMS	00290060	LT	Splash
SIEMENS CM VA0  CMS	00510010	LT	ImageText
SIEMENS CM VA0  CMS	60210000	LT	ImageGraphicsFormatCode
SIEMENS CM VA0  CMS	60210010	LT	ImageGraphics
SIEMENS CM VA0  CMS	7fe10000	OB	BinaryData
SIEMENS CM VA0  LAB	00090010	LT	GeneratorIdentificationLabel
SIEMENS CM VA0  LAB	00090011	LT	GantryIdentificationLabel
SIEMENS CM VA0  LAB	00090012	LT	X-RayTubeIdentificationLabel
SIEMENS CM VA0  LAB	00090013	LT	DetectorIdentificationLabel
SIEMENS CM VA0  LAB	00090014	LT	DASIdentificationLabel
SIEMENS CM VA0  LAB	00090015	LT	SMIIdentificationLabel
SIEMENS CM VA0  LAB	00090016	LT	CPUIdentificationLabel
SIEMENS CM VA0  LAB	00090020	LT	HeaderVersion
SIEMENS CSA HEADER	00290008	CS	CSAImageHeaderType
SIEMENS CSA HEADER	00290009	LO	CSAImageHeaderVersion
SIEMENS CSA HEADER	00290010	OB	CSAImageHeaderInfo
SIEMENS CSA HEADER	00290018	CS	CSASeriesHeaderType
SIEMENS CSA HEADER	00290019	LO	CSASeriesHeaderVersion
SIEMENS CSA HEADER	00290020	OB	CSASeriesHeaderInfo
SIEMENS CSA NON-IMAGE	00290008	CS	CSADataType
SIEMENS CSA NON-IMAGE	00290009	LO	CSADataVersion
SIEMENS CSA NON-IMAGE	00290010	OB	CSADataInfo
SIEMENS CSA NON-IMAGE	7fe10010	OB	CSAData
SIEMENS CT VA0  COAD	00190010	DS	DistanceSourceToSourceSideCollimator
SIEMENS CT VA0  COAD	00190011	DS	DistanceSourceToDetectorSideCollimator
SIEMENS CT VA0  COAD	00190020	IS	NumberOfPossibleChannels
SIEMENS CT VA0  COAD	00190021	IS	MeanChannelNumber
SIEMENS CT VA0  COAD	00190022	DS	DetectorSpacing
SIEMENS CT VA0  COAD	00190023	DS	DetectorCenter
SIEMENS CT VA0  COAD	00190024	DS	ReadingIntegrationTime
SIEMENS CT VA0  COAD	00190050	DS	DetectorAlignment
SIEMENS CT VA0  COAD	00190052	DS	Unknown
SIEMENS CT VA0  COAD	00190054	DS	Unknown
SIEMENS CT VA0  COAD	00190060	DS	FocusAlignment
SIEMENS CT VA0  COAD	00190065	UL	FocalSpotDeflectionAmplitude
SIEMENS CT VA0  COAD	00190066	UL	FocalSpotDeflectionPhase
SIEMENS CT VA0  COAD	00190067	UL	FocalSpotDeflectionOffset
SIEMENS CT VA0  COAD	00190070	DS	WaterScalingFactor
SIEMENS CT VA0  COAD	00190071	DS	InterpolationFactor
SIEMENS CT VA0  COAD	00190080	LT	PatientRegion
SIEMENS CT VA0  COAD	00190082	LT	PatientPhaseOfLife
SIEMENS CT VA0  COAD	00190090	DS	OsteoOffset
SIEMENS CT VA0  COAD	00190092	DS	OsteoRegressionLineSlope
SIEMENS CT VA0  COAD	00190093	DS	OsteoRegressionLineIntercept
SIEMENS CT VA0  COAD	00190094	DS	OsteoStandardizationCode
SIEMENS CT VA0  COAD	00190096	IS	OsteoPhantomNumber
SIEMENS CT VA0  COAD	001900a3	US	Unknown
SIEMENS CT VA0  COAD	001900a4	DS	Unknown
SIEMENS CT VA0  COAD	001900a5	DS	Unknown
SIEMENS CT VA0  COAD	001900a6	US	Unknown
SIEMENS CT VA0  COAD	001900a7	US	Unknown
SIEMENS CT VA0  COAD	001900a8	US	Unknown
SIEMENS CT VA0  COAD	001900a9	DS	Unknown
SIEMENS CT VA0  COAD	001900aa	LT	Unknown
SIEMENS CT VA0  COAD	001900ab	DS	Unknown
SIEMENS CT VA0  COAD	001900ac	DS	Unknown
SIEMENS CT VA0  COAD	001900ad	DS	Unknown
SIEMENS CT VA0  COAD	001900ae	DS	Unknown
SIEMENS CT VA0  COAD	001900af	DS	Unknown
SIEMENS CT VA0  COAD	001900b0	DS	FeedPerRotation
SIEMENS CT VA0  COAD	001900bd	IS	PulmoTriggerLevel
SIEMENS CT VA0  COAD	001900be	DS	ExpiratoricReserveVolume
SIEMENS CT VA0  COAD	001900bf	DS	VitalCapacity
SIEMENS CT VA0  COAD	001900c0	DS	PulmoWater
SIEMENS CT VA0  COAD	001900c1	DS	PulmoAir
SIEMENS CT VA0  COAD	001900c2	DA	PulmoDate
SIEMENS CT VA0  COAD	001900c3	TM	PulmoTime
SIEMENS CT VA0  GEN	00190010	DS	SourceSideCollimatorAperture
SIEMENS CT VA0  GEN	00190011	DS	DetectorSideCollimatorAperture
SIEMENS CT VA0  GEN	00190020	DS	ExposureTime
SIEMENS CT VA0  GEN	00190021	DS	ExposureCurrent
SIEMENS CT VA0  GEN	00190025	DS	KVPGeneratorPowerCurrent
SIEMENS CT VA0  GEN	00190026	DS	GeneratorVoltage
SIEMENS CT VA0  GEN	00190040	UL	MasterControlMask
SIEMENS CT VA0  GEN	00190042	US	ProcessingMask
SIEMENS CT VA0  GEN	00190044	US	Unknown
SIEMENS CT VA0  GEN	00190045	US	Unknown
SIEMENS CT VA0  GEN	00190062	IS	NumberOfVirtuellChannels
SIEMENS CT VA0  GEN	00190070	IS	NumberOfReadings
SIEMENS CT VA0  GEN	00190071	LT	Unknown
SIEMENS CT VA0  GEN	00190074	IS	NumberOfProjections
SIEMENS CT VA0  GEN	00190075	IS	NumberOfBytes
SIEMENS CT VA0  GEN	00190080	LT	ReconstructionAlgorithmSet
SIEMENS CT VA0  GEN	00190081	LT	ReconstructionAlgorithmIndex
SIEMENS CT VA0  GEN	00190082	LT	RegenerationSoftwareVersion
SIEMENS CT VA0  GEN	00190088	DS	Unknown
SIEMENS CT VA0  GEN	00210010	IS	RotationAngle
SIEMENS CT VA0  GEN	00210011	IS	StartAngle
SIEMENS CT VA0  GEN	00210020	US	Unknown
SIEMENS CT VA0  GEN	00210030	IS	TopogramTubePosition
SIEMENS CT VA0  GEN	00210032	DS	LengthOfTopogram
SIEMENS CT VA0  GEN	00210034	DS	TopogramCorrectionFactor
SIEMENS CT VA0  GEN	00210036	DS	MaximumTablePosition
SIEMENS CT VA0  GEN	00210040	IS	TableMoveDirectionCode
SIEMENS CT VA0  GEN	00210045	IS	VOIStartRow
SIEMENS CT VA0  GEN	00210046	IS	VOIStopRow
SIEMENS CT VA0  GEN	00210047	IS	VOIStartColumn
SIEMENS CT VA0  GEN	00210048	IS	VOIStopColumn
SIEMENS CT VA0  GEN	00210049	IS	VOIStartSlice
SIEMENS CT VA0  GEN	0021004a	IS	VOIStopSlice
SIEMENS CT VA0  GEN	00210050	IS	VectorStartRow
SIEMENS CT VA0  GEN	00210051	IS	VectorRowStep
SIEMENS CT VA0  GEN	00210052	IS	VectorStartColumn
SIEMENS CT VA0  GEN	00210053	IS	VectorColumnStep
SIEMENS CT VA0  GEN	00210060	IS	RangeTypeCode
SIEMENS CT VA0  GEN	00210062	IS	ReferenceTypeCode
SIEMENS CT VA0  GEN	00210070	DS	ObjectOrientation
SIEMENS CT VA0  GEN	00210072	DS	LightOrientation
SIEMENS CT VA0  GEN	00210075	DS	LightBrightness
SIEMENS CT VA0  GEN	00210076	DS	LightContrast
SIEMENS CT VA0  GEN	0021007a	IS	OverlayThreshold
SIEMENS CT VA0  GEN	0021007b	IS	SurfaceThreshold
SIEMENS CT VA0  GEN	0021007c	IS	GreyScaleThreshold
SIEMENS CT VA0  GEN	002100a0	DS	Unknown
SIEMENS CT VA0  GEN	002100a2	LT	Unknown
SIEMENS CT VA0  GEN	002100a7	LT	Unknown
SIEMENS CT VA0  IDE	00090010	LT	Unknown
SIEMENS CT VA0  IDE	00090030	LT	Unknown
SIEMENS CT VA0  IDE	00090031	LT	Unknown
SIEMENS CT VA0  IDE	00090032	LT	Unknown
SIEMENS CT VA0  IDE	00090034	LT	Unknown
SIEMENS CT VA0  IDE	00090040	LT	Unknown
SIEMENS CT VA0  IDE	00090042	LT	Unknown
SIEMENS CT VA0  IDE	00090050	LT	Unknown
SIEMENS CT VA0  IDE	00090051	LT	Unknown
SIEMENS CT VA0  ORI	00090020	LT	Unknown
SIEMENS CT VA0  ORI	00090030	LT	Unknown
SIEMENS CT VA0  OST	60210000	LT	OsteoContourComment
SIEMENS CT VA0  OST	60210010	US	OsteoContourBuffer
SIEMENS CT VA0  RAW	00210010	UL	CreationMask
SIEMENS CT VA0  RAW	00210020	UL	EvaluationMask
SIEMENS CT VA0  RAW	00210030	US	ExtendedProcessingMask
SIEMENS CT VA0  RAW	00210040	US	Unknown
SIEMENS CT VA0  RAW	00210041	US	Unknown
SIEMENS CT VA0  RAW	00210042	US	Unknown
SIEMENS CT VA0  RAW	00210043	US	Unknown
SIEMENS CT VA0  RAW	00210044	US	Unknown
SIEMENS CT VA0  RAW	00210050	LT	Unknown
SIEMENS DICOM	00090010	UN	Unknown
SIEMENS DICOM	00090012	LT	Unknown
SIEMENS DLR.01	00190010	LT	MeasurementMode
SIEMENS DLR.01	00190011	LT	ImageType
SIEMENS DLR.01	00190015	LT	SoftwareVersion
SIEMENS DLR.01	00190020	LT	MPMCode
SIEMENS DLR.01	00190021	LT	Latitude
SIEMENS DLR.01	00190022	LT	Sensitivity
SIEMENS DLR.01	00190023	LT	EDR
SIEMENS DLR.01	00190024	LT	LFix
SIEMENS DLR.01	00190025	LT	SFix
SIEMENS DLR.01	00190026	LT	PresetMode
SIEMENS DLR.01	00190027	LT	Region
SIEMENS DLR.01	00190028	LT	Subregion
SIEMENS DLR.01	00190030	LT	Orientation
SIEMENS DLR.01	00190031	LT	MarkOnFilm
SIEMENS DLR.01	00190032	LT	RotationOnDRC
SIEMENS DLR.01	00190040	LT	ReaderType
SIEMENS DLR.01	00190041	LT	SubModality
SIEMENS DLR.01	00190042	LT	ReaderSerialNumber
SIEMENS DLR.01	00190050	LT	CassetteScale
SIEMENS DLR.01	00190051	LT	CassetteMatrix
SIEMENS DLR.01	00190052	LT	CassetteSubmatrix
SIEMENS DLR.01	00190053	LT	Barcode
SIEMENS DLR.01	00190060	LT	ContrastType
SIEMENS DLR.01	00190061	LT	RotationAmount
SIEMENS DLR.01	00190062	LT	RotationCenter
SIEMENS DLR.01	00190063	LT	DensityShift
SIEMENS DLR.01	00190064	US	FrequencyRank
SIEMENS DLR.01	00190065	LT	FrequencyEnhancement
SIEMENS DLR.01	00190066	LT	FrequencyType
SIEMENS DLR.01	00190067	LT	KernelLength
SIEMENS DLR.01	00190068	UL	KernelMode
SIEMENS DLR.01	00190069	UL	ConvolutionMode
SIEMENS DLR.01	00190070	LT	PLASource
SIEMENS DLR.01	00190071	LT	PLADestination
SIEMENS DLR.01	00190075	LT	UIDOriginalImage
SIEMENS DLR.01	00190076	LT	Unknown
SIEMENS DLR.01	00190080	LT	ReaderHeader
SIEMENS DLR.01	00190090	LT	PLAOfSecondaryDestination
SIEMENS DLR.01	001900a0	DS	Unknown
SIEMENS DLR.01	001900a1	DS	Unknown
SIEMENS DLR.01	00410010	US	NumberOfHardcopies
SIEMENS DLR.01	00410020	LT	FilmFormat
SIEMENS DLR.01	00410030	LT	FilmSize
SIEMENS DLR.01	00410031	LT	FullFilmFormat
SIEMENS ISI	00030008	US	ISICommandField
SIEMENS ISI	00030011	US	AttachIDApplicationCode
SIEMENS ISI	00030012	UL	AttachIDMessageCount
SIEMENS ISI	00030013	DA	AttachIDDate
SIEMENS ISI	00030014	TM	AttachIDTime
SIEMENS ISI	00030020	US	MessageType
SIEMENS ISI	00030030	DA	MaxWaitingDate
SIEMENS ISI	00030031	TM	MaxWaitingTime
SIEMENS ISI	00090001	UN	RISPatientInfoIMGEF
SIEMENS ISI	00110003	LT	PatientUID
SIEMENS ISI	00110004	LT	PatientID
SIEMENS ISI	0011000a	LT	CaseID
SIEMENS ISI	00110022	LT	RequestID
SIEMENS ISI	00110023	LT	ExaminationUID
SIEMENS ISI	001100a1	DA	PatientRegistrationDate
SIEMENS ISI	001100a2	TM	PatientRegistrationTime
SIEMENS ISI	001100b0	LT	PatientLastName
SIEMENS ISI	001100b2	LT	PatientFirstName
SIEMENS ISI	001100b4	LT	PatientHospitalStatus
SIEMENS ISI	001100bc	TM	CurrentLocationTime
SIEMENS ISI	001100c0	LT	PatientInsuranceStatus
SIEMENS ISI	001100d0	LT	PatientBillingType
SIEMENS ISI	001100d2	LT	PatientBillingAddress
SIEMENS ISI	00310012	LT	ExaminationReason
SIEMENS ISI	00310030	DA	RequestedDate
SIEMENS ISI	00310032	TM	WorklistRequestStartTime
SIEMENS ISI	00310033	TM	WorklistRequestEndTime
SIEMENS ISI	0031004a	TM	RequestedTime
SIEMENS ISI	00310080	LT	RequestedLocation
SIEMENS ISI	00550046	LT	CurrentWard
SIEMENS ISI	01930002	DS	RISKey
SIEMENS ISI	03070001	UN	RISWorklistIMGEF
SIEMENS ISI	03090001	UN	RISReportIMGEF
SIEMENS ISI	40090001	LT	ReportID
SIEMENS ISI	40090020	LT	ReportStatus
SIEMENS ISI	40090030	DA	ReportCreationDate
SIEMENS ISI	40090070	LT	ReportApprovingPhysician
SIEMENS ISI	400900e0	LT	ReportText
SIEMENS ISI	400900e1	LT	ReportAuthor
SIEMENS ISI	400900e3	LT	ReportingRadiologist
SIEMENS MED	00090010	LO	RecognitionCode
SIEMENS MED	00090030	UL	ByteOffsetOfOriginalHeader
SIEMENS MED	00090031	UL	LengthOfOriginalHeader
SIEMENS MED	00090040	UL	ByteOffsetOfPixelmatrix
SIEMENS MED	00090041	UL	LengthOfPixelmatrixInBytes
SIEMENS MED	00090050	LT	Unknown
SIEMENS MED	00090051	LT	Unknown
SIEMENS MED	000900f5	LT	PDMEFIDPlaceholder
SIEMENS MED	000900f6	LT	PDMDataObjectTypeExtension
SIEMENS MED	00210010	DS	Zoom
SIEMENS MED	00210011	DS	Target
SIEMENS MED	00210012	IS	TubeAngle
SIEMENS MED	00210020	US	ROIMask
SIEMENS MED	70010010	LT	Dummy
SIEMENS MED	70030010	LT	Header
SIEMENS MED	70050010	LT	Dummy
SIEMENS MED DISPLAY	00290004	LT	PhotometricInterpretation
SIEMENS MED DISPLAY	00290010	US	RowsOfSubmatrix
SIEMENS MED DISPLAY	00290011	US	ColumnsOfSubmatrix
SIEMENS MED DISPLAY	00290020	US	Unknown
SIEMENS MED DISPLAY	00290021	US	Unknown
SIEMENS MED DISPLAY	00290050	US	OriginOfSubmatrix
SIEMENS MED DISPLAY	00290099	LT	ShutterType
SIEMENS MED DISPLAY	002900a0	US	RowsOfRectangularShutter
SIEMENS MED DISPLAY	002900a1	US	ColumnsOfRectangularShutter
SIEMENS MED DISPLAY	002900a2	US	OriginOfRectangularShutter
SIEMENS MED DISPLAY	002900b0	US	RadiusOfCircularShutter
SIEMENS MED DISPLAY	002900b2	US	OriginOfCircularShutter
SIEMENS MED DISPLAY	002900c1	US	ContourOfIrregularShutter
SIEMENS MED HG	00290010	US	ListOfGroupNumbers
SIEMENS MED HG	00290015	LT	ListOfShadowOwnerCodes
SIEMENS MED HG	00290020	US	ListOfElementNumbers
SIEMENS MED HG	00290030	US	ListOfTotalDisplayLength
SIEMENS MED HG	00290040	LT	ListOfDisplayPrefix
SIEMENS MED HG	00290050	LT	ListOfDisplayPostfix
SIEMENS MED HG	00290060	US	ListOfTextPosition
SIEMENS MED HG	00290070	LT	ListOfTextConcatenation
SIEMENS MED MG	00290010	US	ListOfGroupNumbers
SIEMENS MED MG	00290015	LT	ListOfShadowOwnerCodes
SIEMENS MED MG	00290020	US	ListOfElementNumbers
SIEMENS MED MG	00290030	US	ListOfTotalDisplayLength
SIEMENS MED MG	00290040	LT	ListOfDisplayPrefix
SIEMENS MED MG	00290050	LT	ListOfDisplayPostfix
SIEMENS MED MG	00290060	US	ListOfTextPosition
SIEMENS MED MG	00290070	LT	ListOfTextConcatenation
SIEMENS MEDCOM HEADER	00290008	CS	MedComHeaderType
SIEMENS MEDCOM HEADER	00290009	LO	MedComHeaderVersion
SIEMENS MEDCOM HEADER	00290010	OB	MedComHeaderInfo
SIEMENS MEDCOM HEADER	00290020	OB	MedComHistoryInformation
SIEMENS MEDCOM HEADER	00290031	LO	PMTFInformation1
SIEMENS MEDCOM HEADER	00290032	UL	PMTFInformation2
SIEMENS MEDCOM HEADER	00290033	UL	PMTFInformation3
SIEMENS MEDCOM HEADER	00290034	CS	PMTFInformation4
SIEMENS MEDCOM HEADER	00290035	UL	PMTFInformation5
SIEMENS MEDCOM HEADER	00290040	SQ	ApplicationHeaderSequence
SIEMENS MEDCOM HEADER	00290041	CS	ApplicationHeaderType
SIEMENS MEDCOM HEADER	00290042	LO	ApplicationHeaderID
SIEMENS MEDCOM HEADER	00290043	LO	ApplicationHeaderVersion
SIEMENS MEDCOM HEADER	00290044	OB	ApplicationHeaderInfo
SIEMENS MEDCOM HEADER	00290050	LO	WorkflowControlFlags
SIEMENS MEDCOM HEADER	00290051	CS	ArchiveManagementFlagKeepOnline
SIEMENS MEDCOM HEADER	00290052	CS	ArchiveManagementFlagDoNotArchive
SIEMENS MEDCOM HEADER	00290053	CS	ImageLocationStatus
SIEMENS MEDCOM HEADER	00290054	DS	EstimatedRetrieveTime
SIEMENS MEDCOM HEADER	00290055	DS	DataSizeOfRetrievedImages
SIEMENS MEDCOM HEADER	00290070	SQ	SiemensLinkSequence
SIEMENS MEDCOM HEADER	00290071	AT	ReferencedTag
SIEMENS MEDCOM HEADER	00290072	CS	ReferencedTagType
SIEMENS MEDCOM HEADER	00290073	UL	ReferencedValueLength
SIEMENS MEDCOM HEADER	00290074	CS	ReferencedObjectDeviceType
SIEMENS MEDCOM HEADER	00290075	OB	ReferencedObjectDeviceLocation
SIEMENS MEDCOM HEADER	00290076	OB	ReferencedObjectDeviceID
SIEMENS MEDCOM HEADER2	00290060	LO	SeriesWorkflowStatus
SIEMENS MEDCOM OOG	00290008	CS	MEDCOMOOGType
SIEMENS MEDCOM OOG	00290009	LO	MEDCOMOOGVersion
SIEMENS MEDCOM OOG	00290010	OB	MEDCOMOOGInfo
SIEMENS MR VA0  COAD	00190012	DS	MagneticFieldStrength
SIEMENS MR VA0  COAD	00190014	DS	ADCVoltage
SIEMENS MR VA0  COAD	00190016	DS	ADCOffset
SIEMENS MR VA0  COAD	00190020	DS	TransmitterAmplitude
SIEMENS MR VA0  COAD	00190021	IS	NumberOfTransmitterAmplitudes
SIEMENS MR VA0  COAD	00190022	DS	TransmitterAttenuator
SIEMENS MR VA0  COAD	00190024	DS	TransmitterCalibration
SIEMENS MR VA0  COAD	00190026	DS	TransmitterReference
SIEMENS MR VA0  COAD	00190050	DS	ReceiverTotalGain
SIEMENS MR VA0  COAD	00190051	DS	ReceiverAmplifierGain
SIEMENS MR VA0  COAD	00190052	DS	ReceiverPreamplifierGain
SIEMENS MR VA0  COAD	00190054	DS	ReceiverCableAttenuation
SIEMENS MR VA0  COAD	00190055	DS	ReceiverReferenceGain
SIEMENS MR VA0  COAD	00190056	DS	ReceiverFilterFrequency
SIEMENS MR VA0  COAD	00190060	DS	ReconstructionScaleFactor
SIEMENS MR VA0  COAD	00190062	DS	ReferenceScaleFactor
SIEMENS MR VA0  COAD	00190070	DS	PhaseGradientAmplitude
SIEMENS MR VA0  COAD	00190071	DS	ReadoutGradientAmplitude
SIEMENS MR VA0  COAD	00190072	DS	SelectionGradientAmplitude
SIEMENS MR VA0  COAD	00190080	DS	GradientDelayTime
SIEMENS MR VA0  COAD	00190082	DS	TotalGradientDelayTime
SIEMENS MR VA0  COAD	00190090	LT	SensitivityCorrectionLabel
SIEMENS MR VA0  COAD	00190091	DS	SaturationPhaseEncodingVectorCoronalComponent
SIEMENS MR VA0  COAD	00190092	DS	SaturationReadoutVectorCoronalComponent
SIEMENS MR VA0  COAD	001900a0	US	RFWatchdogMask
SIEMENS MR VA0  COAD	001900a1	DS	EPIReconstructionSlope
SIEMENS MR VA0  COAD	001900a2	DS	RFPowerErrorIndicator
SIEMENS MR VA0  COAD	001900a5	DS	SpecificAbsorptionRateWholeBody
SIEMENS MR VA0  COAD	001900a6	DS	SpecificEnergyDose
SIEMENS MR VA0  COAD	001900b0	UL	AdjustmentStatusMask
SIEMENS MR VA0  COAD	001900c1	DS	EPICapacity
SIEMENS MR VA0  COAD	001900c2	DS	EPIInductance
SIEMENS MR VA0  COAD	001900c3	IS	EPISwitchConfigurationCode
SIEMENS MR VA0  COAD	001900c4	IS	EPISwitchHardwareCode
SIEMENS MR VA0  COAD	001900c5	DS	EPISwitchDelayTime
SIEMENS MR VA0  COAD	001900d1	DS	FlowSensitivity
SIEMENS MR VA0  COAD	001900d2	LT	CalculationSubmode
SIEMENS MR VA0  COAD	001900d3	DS	FieldOfViewRatio
SIEMENS MR VA0  COAD	001900d4	IS	BaseRawMatrixSize
SIEMENS MR VA0  COAD	001900d5	IS	2DOversamplingLines
SIEMENS MR VA0  COAD	001900d6	IS	3DPhaseOversamplingPartitions
SIEMENS MR VA0  COAD	001900d7	IS	EchoLinePosition
SIEMENS MR VA0  COAD	001900d8	IS	EchoColumnPosition
SIEMENS MR VA0  COAD	001900d9	IS	LinesPerSegment
SIEMENS MR VA0  COAD	001900da	LT	PhaseCodingDirection
SIEMENS MR VA0  GEN	00190010	DS	TotalMeasurementTimeNominal
SIEMENS MR VA0  GEN	00190011	DS	TotalMeasurementTimeCurrent
SIEMENS MR VA0  GEN	00190012	DS	StartDelayTime
SIEMENS MR VA0  GEN	00190013	DS	DwellTime
SIEMENS MR VA0  GEN	00190014	IS	NumberOfPhases
SIEMENS MR VA0  GEN	00190016	UL	SequenceControlMask
SIEMENS MR VA0  GEN	00190018	UL	MeasurementStatusMask
SIEMENS MR VA0  GEN	00190020	IS	NumberOfFourierLinesNominal
SIEMENS MR VA0  GEN	00190021	IS	NumberOfFourierLinesCurrent
SIEMENS MR VA0  GEN	00190026	IS	NumberOfFourierLinesAfterZero
SIEMENS MR VA0  GEN	00190028	IS	FirstMeasuredFourierLine
SIEMENS MR VA0  GEN	00190030	IS	AcquisitionColumns
SIEMENS MR VA0  GEN	00190031	IS	ReconstructionColumns
SIEMENS MR VA0  GEN	00190040	IS	ArrayCoilElementNumber
SIEMENS MR VA0  GEN	00190041	UL	ArrayCoilElementSelectMask
SIEMENS MR VA0  GEN	00190042	UL	ArrayCoilElementDataMask
SIEMENS MR VA0  GEN	00190043	IS	ArrayCoilElementToADCConnect
SIEMENS MR VA0  GEN	00190044	DS	ArrayCoilElementNoiseLevel
SIEMENS MR VA0  GEN	00190045	IS	ArrayCoilADCPairNumber
SIEMENS MR VA0  GEN	00190046	UL	ArrayCoilCombinationMask
SIEMENS MR VA0  GEN	00190050	IS	NumberOfAverages
SIEMENS MR VA0  GEN	00190060	DS	FlipAngle
SIEMENS MR VA0  GEN	00190070	IS	NumberOfPrescans
SIEMENS MR VA0  GEN	00190081	LT	FilterTypeForRawData
SIEMENS MR VA0  GEN	00190082	DS	FilterParameterForRawData
SIEMENS MR VA0  GEN	00190083	LT	FilterTypeForImageData
SIEMENS MR VA0  GEN	00190084	DS	FilterParameterForImageData
SIEMENS MR VA0  GEN	00190085	LT	FilterTypeForPhaseCorrection
SIEMENS MR VA0  GEN	00190086	DS	FilterParameterForPhaseCorrection
SIEMENS MR VA0  GEN	00190087	LT	NormalizationFilterTypeForImageData
SIEMENS MR VA0  GEN	00190088	DS	NormalizationFilterParameterForImageData
SIEMENS MR VA0  GEN	00190090	IS	NumberOfSaturationRegions
SIEMENS MR VA0  GEN	00190091	DS	SaturationPhaseEncodingVectorSagittalComponent
SIEMENS MR VA0  GEN	00190092	DS	SaturationReadoutVectorSagittalComponent
SIEMENS MR VA0  GEN	00190093	DS	EPIStimulationMonitorMode
SIEMENS MR VA0  GEN	00190094	DS	ImageRotationAngle
SIEMENS MR VA0  GEN	00190096	UL	CoilIDMask
SIEMENS MR VA0  GEN	00190097	UL	CoilClassMask
SIEMENS MR VA0  GEN	00190098	DS	CoilPosition
SIEMENS MR VA0  GEN	001900a0	DS	EPIReconstructionPhase
SIEMENS MR VA0  GEN	001900a1	DS	EPIReconstructionSlope
SIEMENS MR VA0  GEN	00210020	IS	PhaseCorrectionRowsSequence
SIEMENS MR VA0  GEN	00210021	IS	PhaseCorrectionColumnsSequence
SIEMENS MR VA0  GEN	00210022	IS	PhaseCorrectionRowsReconstruction
SIEMENS MR VA0  GEN	00210024	IS	PhaseCorrectionColumnsReconstruction
SIEMENS MR VA0  GEN	00210030	IS	NumberOf3DRawPartitionsNominal
SIEMENS MR VA0  GEN	00210031	IS	NumberOf3DRawPartitionsCurrent
SIEMENS MR VA0  GEN	00210034	IS	NumberOf3DImagePartitions
SIEMENS MR VA0  GEN	00210036	IS	Actual3DImagePartitionNumber
SIEMENS MR VA0  GEN	00210039	DS	SlabThickness
SIEMENS MR VA0  GEN	00210040	IS	NumberOfSlicesNominal
SIEMENS MR VA0  GEN	00210041	IS	NumberOfSlicesCurrent
SIEMENS MR VA0  GEN	00210042	IS	CurrentSliceNumber
SIEMENS MR VA0  GEN	00210043	IS	CurrentGroupNumber
SIEMENS MR VA0  GEN	00210044	DS	CurrentSliceDistanceFactor
SIEMENS MR VA0  GEN	00210045	IS	MIPStartRow
SIEMENS MR VA0  GEN	00210046	IS	MIPStopRow
SIEMENS MR VA0  GEN	00210047	IS	MIPStartColumn
SIEMENS MR VA0  GEN	00210048	IS	MIPStartColumn
SIEMENS MR VA0  GEN	00210049	IS	MIPStartSliceName=
SIEMENS MR VA0  GEN	0021004a	IS	MIPStartSlice
SIEMENS MR VA0  GEN	0021004f	LT	OrderofSlices
SIEMENS MR VA0  GEN	00210050	US	SignalMask
SIEMENS MR VA0  GEN	00210052	DS	DelayAfterTrigger
SIEMENS MR VA0  GEN	00210053	IS	RRInterval
SIEMENS MR VA0  GEN	00210054	DS	NumberOfTriggerPulses
SIEMENS MR VA0  GEN	00210056	DS	RepetitionTimeEffective
SIEMENS MR VA0  GEN	00210057	LT	GatePhase
SIEMENS MR VA0  GEN	00210058	DS	GateThreshold
SIEMENS MR VA0  GEN	00210059	DS	GatedRatio
SIEMENS MR VA0  GEN	00210060	IS	NumberOfInterpolatedImages
SIEMENS MR VA0  GEN	00210070	IS	NumberOfEchoes
SIEMENS MR VA0  GEN	00210072	DS	SecondEchoTime
SIEMENS MR VA0  GEN	00210073	DS	SecondRepetitionTime
SIEMENS MR VA0  GEN	00210080	IS	CardiacCode
SIEMENS MR VA0  GEN	00210091	DS	SaturationPhaseEncodingVectorTransverseComponent
SIEMENS MR VA0  GEN	00210092	DS	SaturationReadoutVectorTransverseComponent
SIEMENS MR VA0  GEN	00210093	DS	EPIChangeValueOfMagnitude
SIEMENS MR VA0  GEN	00210094	DS	EPIChangeValueOfXComponent
SIEMENS MR VA0  GEN	00210095	DS	EPIChangeValueOfYComponent
SIEMENS MR VA0  GEN	00210096	DS	EPIChangeValueOfZComponent
SIEMENS MR VA0  RAW	00210000	LT	SequenceType
SIEMENS MR VA0  RAW	00210001	IS	VectorSizeOriginal
SIEMENS MR VA0  RAW	00210002	IS	VectorSizeExtended
SIEMENS MR VA0  RAW	00210003	DS	AcquiredSpectralRange
SIEMENS MR VA0  RAW	00210004	DS	VOIPosition
SIEMENS MR VA0  RAW	00210005	DS	VOISize
SIEMENS MR VA0  RAW	00210006	IS	CSIMatrixSizeOriginal
SIEMENS MR VA0  RAW	00210007	IS	CSIMatrixSizeExtended
SIEMENS MR VA0  RAW	00210008	DS	SpatialGridShift
SIEMENS MR VA0  RAW	00210009	DS	SignalLimitsMinimum
SIEMENS MR VA0  RAW	00210010	DS	SignalLimitsMaximum
SIEMENS MR VA0  RAW	00210011	DS	SpecInfoMask
SIEMENS MR VA0  RAW	00210012	DS	EPITimeRateOfChangeOfMagnitude
SIEMENS MR VA0  RAW	00210013	DS	EPITimeRateOfChangeOfXComponent
SIEMENS MR VA0  RAW	00210014	DS	EPITimeRateOfChangeOfYComponent
SIEMENS MR VA0  RAW	00210015	DS	EPITimeRateOfChangeOfZComponent
SIEMENS MR VA0  RAW	00210016	DS	EPITimeRateOfChangeLegalLimit1
SIEMENS MR VA0  RAW	00210017	DS	EPIOperationModeFlag
SIEMENS MR VA0  RAW	00210018	DS	EPIFieldCalculationSafetyFactor
SIEMENS MR VA0  RAW	00210019	DS	EPILegalLimit1OfChangeValue
SIEMENS MR VA0  RAW	00210020	DS	EPILegalLimit2OfChangeValue
SIEMENS MR VA0  RAW	00210021	DS	EPIRiseTime
SIEMENS MR VA0  RAW	00210030	DS	ArrayCoilADCOffset
SIEMENS MR VA0  RAW	00210031	DS	ArrayCoilPreamplifierGain
SIEMENS MR VA0  RAW	00210050	LT	SaturationType
SIEMENS MR VA0  RAW	00210051	DS	SaturationNormalVector
SIEMENS MR VA0  RAW	00210052	DS	SaturationPositionVector
SIEMENS MR VA0  RAW	00210053	DS	SaturationThickness
SIEMENS MR VA0  RAW	00210054	DS	SaturationWidth
SIEMENS MR VA0  RAW	00210055	DS	SaturationDistance
SIEMENS NUMARIS II	7fe30000	LT	ImageGraphicsFormatCode
SIEMENS NUMARIS II	7fe30010	OB	ImageGraphics
SIEMENS NUMARIS II	7fe30020	OB	ImageGraphicsDummy
SIEMENS RA GEN	00110020	SL	FluoroTimer
SIEMENS RA GEN	00110025	SL	PtopDoseAreaProduct
SIEMENS RA GEN	00110026	SL	PtopTotalSkinDose
SIEMENS RA GEN	00110030	LT	Unknown
SIEMENS RA GEN	00110035	LO	PatientInitialPuckCounter
SIEMENS RA GEN	00110040	SS	SPIDataObjectType
SIEMENS RA GEN	00190015	LO	AcquiredPlane
SIEMENS RA GEN	0019001f	SS	DefaultTableIsoCenterHeight
SIEMENS RA GEN	00190020	SL	SceneFlag
SIEMENS RA GEN	00190022	SL	RefPhotofileFlag
SIEMENS RA GEN	00190024	LO	SceneName
SIEMENS RA GEN	00190026	SS	AcquisitionIndex
SIEMENS RA GEN	00190028	SS	MixedPulseMode
SIEMENS RA GEN	0019002a	SS	NoOfPositions
SIEMENS RA GEN	0019002c	SS	NoOfPhases
SIEMENS RA GEN	0019002e	SS	FrameRateForPositions
SIEMENS RA GEN	00190030	SS	NoOfFramesForPositions
SIEMENS RA GEN	00190032	SS	SteppingDirection
SIEMENS RA GEN	00190034	US	Unknown
SIEMENS RA GEN	00190036	US	Unknown
SIEMENS RA GEN	00190038	US	Unknown
SIEMENS RA GEN	0019003a	US	Unknown
SIEMENS RA GEN	0019003c	US	Unknown
SIEMENS RA GEN	0019003e	US	Unknown
SIEMENS RA GEN	00190040	US	Unknown
SIEMENS RA GEN	00190042	US	Unknown
SIEMENS RA GEN	00190044	SS	ImageTransferDelay
SIEMENS RA GEN	00190046	SL	InversFlag
SIEMENS RA GEN	00190048	US	Unknown
SIEMENS RA GEN	0019004a	US	Unknown
SIEMENS RA GEN	0019004c	SS	BlankingCircleDiameter
SIEMENS RA GEN	00190050	SL	StandDataValid
SIEMENS RA GEN	00190052	SS	TableTilt
SIEMENS RA GEN	00190054	SS	TableAxisRotation
SIEMENS RA GEN	00190056	SS	TableLongitudalPosition
SIEMENS RA GEN	00190058	SS	TableSideOffset
SIEMENS RA GEN	0019005a	SS	TableIsoCenterHeight
SIEMENS RA GEN	0019005c	UN	Unknown
SIEMENS RA GEN	0019005e	SL	CollimationDataValid
SIEMENS RA GEN	00190060	SL	PeriSequenceNo
SIEMENS RA GEN	00190062	SL	PeriTotalScenes
SIEMENS RA GEN	00190064	SL	PeriOverlapTop
SIEMENS RA GEN	00190066	SL	PeriOverlapBottom
SIEMENS RA GEN	00190068	SL	RawImageNumber
SIEMENS RA GEN	0019006a	SL	XRayDataValid
SIEMENS RA GEN	00190070	US	Unknown
SIEMENS RA GEN	00190072	US	Unknown
SIEMENS RA GEN	00190074	US	Unknown
SIEMENS RA GEN	00190076	SL	FillingAverageFactor
SIEMENS RA GEN	00190078	US	Unknown
SIEMENS RA GEN	0019007a	US	Unknown
SIEMENS RA GEN	0019007c	US	Unknown
SIEMENS RA GEN	0019007e	US	Unknown
SIEMENS RA GEN	00190080	US	Unknown
SIEMENS RA GEN	00190082	US	Unknown
SIEMENS RA GEN	00190084	US	Unknown
SIEMENS RA GEN	00190086	US	Unknown
SIEMENS RA GEN	00190088	US	Unknown
SIEMENS RA GEN	0019008a	US	Unknown
SIEMENS RA GEN	0019008c	US	Unknown
SIEMENS RA GEN	0019008e	US	Unknown
SIEMENS RA GEN	00190092	US	Unknown
SIEMENS RA GEN	00190094	US	Unknown
SIEMENS RA GEN	00190096	US	Unknown
SIEMENS RA GEN	00190098	US	Unknown
SIEMENS RA GEN	0019009a	US	Unknown
SIEMENS RA GEN	0019009c	SL	IntensifierLevelCalibrationFactor
SIEMENS RA GEN	0019009e	SL	NativeReviewFlag
SIEMENS RA GEN	001900a2	SL	SceneNumber
SIEMENS RA GEN	001900a4	SS	AcquisitionMode
SIEMENS RA GEN	001900a5	SS	AcquisitonFrameRate
SIEMENS RA GEN	001900a6	SL	ECGFlag
SIEMENS RA GEN	001900a7	SL	AdditionalSceneData
SIEMENS RA GEN	001900a8	SL	FileCopyFlag
SIEMENS RA GEN	001900a9	SL	PhlebovisionFlag
SIEMENS RA GEN	001900aa	SL	Co2Flag
SIEMENS RA GEN	001900ab	SS	MaxSpeed
SIEMENS RA GEN	001900ac	SS	StepWidth
SIEMENS RA GEN	001900ad	SL	DigitalAcquisitionZoom
SIEMENS RA GEN	001900ff	SS	Internal
SIEMENS RA GEN	00210015	SS	ImagesInStudy
SIEMENS RA GEN	00210020	SS	ScenesInStudy
SIEMENS RA GEN	00210025	SS	ImagesInPhotofile
SIEMENS RA GEN	00210027	SS	PlaneBImagesExist
SIEMENS RA GEN	00210028	SS	NoOf2MBChunks
SIEMENS RA GEN	00210030	SS	ImagesInAllScenes
SIEMENS RA GEN	00210040	SS	ArchiveSWInternalVersion
SIEMENS RA PLANE A	00110028	SL	FluoroTimerA
SIEMENS RA PLANE A	00110029	SL	FluoroSkinDoseA
SIEMENS RA PLANE A	0011002a	SL	TotalSkinDoseA
SIEMENS RA PLANE A	0011002b	SL	FluoroDoseAreaProductA
SIEMENS RA PLANE A	0011002c	SL	TotalDoseAreaProductA
SIEMENS RA PLANE A	00190015	LT	OfflineUID
SIEMENS RA PLANE A	00190018	SS	Internal
SIEMENS RA PLANE A	00190019	SS	Internal
SIEMENS RA PLANE A	0019001a	SS	Internal
SIEMENS RA PLANE A	0019001b	SS	Internal
SIEMENS RA PLANE A	0019001c	SS	Internal
SIEMENS RA PLANE A	0019001d	SS	Internal
SIEMENS RA PLANE A	0019001e	SS	Internal
SIEMENS RA PLANE A	0019001f	SS	Internal
SIEMENS RA PLANE A	00190020	SS	SystemCalibFactorPlaneA
SIEMENS RA PLANE A	00190022	SS	XRayParameterSetNo
SIEMENS RA PLANE A	00190024	SS	XRaySystem
SIEMENS RA PLANE A	00190026	US	Unknown
SIEMENS RA PLANE A	00190028	SS	AcquiredDisplayMode
SIEMENS RA PLANE A	0019002a	SS	AcquisitionDelay
SIEMENS RA PLANE A	0019002c	US	Unknown
SIEMENS RA PLANE A	0019002e	SS	MaxFramesLimit
SIEMENS RA PLANE A	00190030	US	MaximumFrameSizeNIU
SIEMENS RA PLANE A	00190032	SS	SubtractedFilterType
SIEMENS RA PLANE A	00190034	SS	FilterFactorNative
SIEMENS RA PLANE A	00190036	SS	AnatomicBackgroundFactor
SIEMENS RA PLANE A	00190038	SS	WindowUpperLimitNative
SIEMENS RA PLANE A	0019003a	SS	WindowLowerLimitNative
SIEMENS RA PLANE A	0019003c	SS	WindowBrightnessPhase1
SIEMENS RA PLANE A	0019003e	SS	WindowBrightnessPhase2
SIEMENS RA PLANE A	00190040	SS	WindowContrastPhase1
SIEMENS RA PLANE A	00190042	SS	WindowContrastPhase2
SIEMENS RA PLANE A	00190044	SS	FilterFactorSub
SIEMENS RA PLANE A	00190046	SS	PeakOpacified
SIEMENS RA PLANE A	00190048	SL	MaskFrame
SIEMENS RA PLANE A	0019004a	SL	BIHFrame
SIEMENS RA PLANE A	0019004c	SS	CentBeamAngulationCaudCran
SIEMENS RA PLANE A	0019004e	SS	CentBeamAngulationLRAnterior
SIEMENS RA PLANE A	00190050	SS	LongitudinalPosition
SIEMENS RA PLANE A	00190052	SS	SideOffset
SIEMENS RA PLANE A	00190054	SS	IsoCenterHeight
SIEMENS RA PLANE A	00190056	SS	ImageTwist
SIEMENS RA PLANE A	00190058	SS	SourceImageDistance
SIEMENS RA PLANE A	0019005a	SS	MechanicalMagnificationFactor
SIEMENS RA PLANE A	0019005c	SL	CalibrationFlag
SIEMENS RA PLANE A	0019005e	SL	CalibrationAngleCranCaud
SIEMENS RA PLANE A	00190060	SL	CalibrationAngleRAOLAO
SIEMENS RA PLANE A	00190062	SL	CalibrationTableToFloorDist
SIEMENS RA PLANE A	00190064	SL	CalibrationIsocenterToFloorDist
SIEMENS RA PLANE A	00190066	SL	CalibrationIsocenterToSourceDist
SIEMENS RA PLANE A	00190068	SL	CalibrationSourceToII
SIEMENS RA PLANE A	0019006a	SL	CalibrationIIZoom
SIEMENS RA PLANE A	0019006c	SL	CalibrationIIField
SIEMENS RA PLANE A	0019006e	SL	CalibrationFactor
SIEMENS RA PLANE A	00190070	SL	CalibrationObjectToImageDistance
SIEMENS RA PLANE A	00190072	SL	CalibrationSystemFactor
SIEMENS RA PLANE A	00190074	SL	CalibrationSystemCorrection
SIEMENS RA PLANE A	00190076	SL	CalibrationSystemIIFormats
SIEMENS RA PLANE A	00190078	SL	CalibrationGantryDataValid
SIEMENS RA PLANE A	0019007a	SS	CollimatorSquareBreadth
SIEMENS RA PLANE A	0019007c	SS	CollimatorSquareHeight
SIEMENS RA PLANE A	0019007e	SS	CollimatorSquareDiameter
SIEMENS RA PLANE A	00190080	SS	CollimaterFingerTurnAngle
SIEMENS RA PLANE A	00190082	SS	CollimaterFingerPosition
SIEMENS RA PLANE A	00190084	SS	CollimaterDiaphragmTurnAngle
SIEMENS RA PLANE A	00190086	SS	CollimaterDiaphragmPosition1
SIEMENS RA PLANE A	00190088	SS	CollimaterDiaphragmPosition2
SIEMENS RA PLANE A	0019008a	SS	CollimaterDiaphragmMode
SIEMENS RA PLANE A	0019008c	SS	CollimaterBeamLimitBreadth
SIEMENS RA PLANE A	0019008e	SS	CollimaterBeamLimitHeight
SIEMENS RA PLANE A	00190090	SS	CollimaterBeamLimitDiameter
SIEMENS RA PLANE A	00190092	SS	X-RayControlMOde
SIEMENS RA PLANE A	00190094	SS	X-RaySystem
SIEMENS RA PLANE A	00190096	SS	FocalSpot
SIEMENS RA PLANE A	00190098	SS	ExposureControl
SIEMENS RA PLANE A	0019009a	SL	XRayVoltage
SIEMENS RA PLANE A	0019009c	SL	XRayCurrent
SIEMENS RA PLANE A	0019009e	SL	XRayCurrentTimeProduct
SIEMENS RA PLANE A	001900a0	SL	XRayPulseTime
SIEMENS RA PLANE A	001900a2	SL	XRaySceneTimeFluoroClock
SIEMENS RA PLANE A	001900a4	SS	MaximumPulseRate
SIEMENS RA PLANE A	001900a6	SS	PulsesPerScene
SIEMENS RA PLANE A	001900a8	SL	DoseAreaProductOfScene
SIEMENS RA PLANE A	001900aa	SS	Dose
SIEMENS RA PLANE A	001900ac	SS	DoseRate
SIEMENS RA PLANE A	001900ae	SL	IIToCoverDistance
SIEMENS RA PLANE A	001900b0	SS	LastFramePhase1
SIEMENS RA PLANE A	001900b1	SS	FrameRatePhase1
SIEMENS RA PLANE A	001900b2	SS	LastFramePhase2
SIEMENS RA PLANE A	001900b3	SS	FrameRatePhase2
SIEMENS RA PLANE A	001900b4	SS	LastFramePhase3
SIEMENS RA PLANE A	001900b5	SS	FrameRatePhase3
SIEMENS RA PLANE A	001900b6	SS	LastFramePhase4
SIEMENS RA PLANE A	001900b7	SS	FrameRatePhase4
SIEMENS RA PLANE A	001900b8	SS	GammaOfNativeImage
SIEMENS RA PLANE A	001900b9	SS	GammaOfTVSystem
SIEMENS RA PLANE A	001900bb	SL	PixelshiftX
SIEMENS RA PLANE A	001900bc	SL	PixelshiftY
SIEMENS RA PLANE A	001900bd	SL	MaskAverageFactor
SIEMENS RA PLANE A	001900be	SL	BlankingCircleFlag
SIEMENS RA PLANE A	001900bf	SL	CircleRowStart
SIEMENS RA PLANE A	001900c0	SL	CircleRowEnd
SIEMENS RA PLANE A	001900c1	SL	CircleColumnStart
SIEMENS RA PLANE A	001900c2	SL	CircleColumnEnd
SIEMENS RA PLANE A	001900c3	SL	CircleDiameter
SIEMENS RA PLANE A	001900c4	SL	RectangularCollimaterFlag
SIEMENS RA PLANE A	001900c5	SL	RectangleRowStart
SIEMENS RA PLANE A	001900c6	SL	RectangleRowEnd
SIEMENS RA PLANE A	001900c7	SL	RectangleColumnStart
SIEMENS RA PLANE A	001900c8	SL	RectangleColumnEnd
SIEMENS RA PLANE A	001900c9	SL	RectangleAngulation
SIEMENS RA PLANE A	001900ca	SL	IrisCollimatorFlag
SIEMENS RA PLANE A	001900cb	SL	IrisRowStart
SIEMENS RA PLANE A	001900cc	SL	IrisRowEnd
SIEMENS RA PLANE A	001900cd	SL	IrisColumnStart
SIEMENS RA PLANE A	001900ce	SL	IrisColumnEnd
SIEMENS RA PLANE A	001900cf	SL	IrisAngulation
SIEMENS RA PLANE A	001900d1	SS	NumberOfFramesPlane
SIEMENS RA PLANE A	001900d2	SS	Internal
SIEMENS RA PLANE A	001900d3	SS	Internal
SIEMENS RA PLANE A	001900d4	SS	Internal
SIEMENS RA PLANE A	001900d5	SS	Internal
SIEMENS RA PLANE A	001900d6	SS	Internal
SIEMENS RA PLANE A	001900d7	SS	Internal
SIEMENS RA PLANE A	001900d8	SS	Internal
SIEMENS RA PLANE A	001900d9	SS	Internal
SIEMENS RA PLANE A	001900da	SS	Internal
SIEMENS RA PLANE A	001900db	SS	Internal
SIEMENS RA PLANE A	001900dc	SS	Internal
SIEMENS RA PLANE A	001900dd	SL	AnatomicBackground
SIEMENS RA PLANE A	001900de	SL	AutoWindowBase
SIEMENS RA PLANE A	001900df	SS	Internal
SIEMENS RA PLANE A	001900e0	SL	Internal
SIEMENS RA PLANE B	00110028	SL	FluoroTimerB
SIEMENS RA PLANE B	00110029	SL	FluoroSkinDoseB
SIEMENS RA PLANE B	0011002a	SL	TotalSkinDoseB
SIEMENS RA PLANE B	0011002b	SL	FluoroDoseAreaProductB
SIEMENS RA PLANE B	0011002c	SL	TotalDoseAreaProductB
SIEMENS RA PLANE B	00190018	SS	Internal
SIEMENS RA PLANE B	00190019	SS	Internal
SIEMENS RA PLANE B	0019001a	SS	Internal
SIEMENS RA PLANE B	0019001b	SS	Internal
SIEMENS RA PLANE B	0019001c	SS	Internal
SIEMENS RA PLANE B	0019001d	SS	Internal
SIEMENS RA PLANE B	0019001e	SS	Internal
SIEMENS RA PLANE B	0019001f	SS	Internal
SIEMENS RA PLANE B	00190020	SL	SystemCalibFactorPlaneB
SIEMENS RA PLANE B	00190022	US	Unknown
SIEMENS RA PLANE B	00190024	US	Unknown
SIEMENS RA PLANE B	00190026	US	Unknown
SIEMENS RA PLANE B	00190028	US	Unknown
SIEMENS RA PLANE B	0019002a	US	Unknown
SIEMENS RA PLANE B	0019002c	US	Unknown
SIEMENS RA PLANE B	0019002e	US	Unknown
SIEMENS RA PLANE B	00190030	US	Unknown
SIEMENS RA PLANE B	00190032	US	Unknown
SIEMENS RA PLANE B	00190034	US	Unknown
SIEMENS RA PLANE B	00190036	US	Unknown
SIEMENS RA PLANE B	00190038	US	Unknown
SIEMENS RA PLANE B	0019003a	US	Unknown
SIEMENS RA PLANE B	0019003c	US	Unknown
SIEMENS RA PLANE B	0019003e	US	Unknown
SIEMENS RA PLANE B	00190040	US	Unknown
SIEMENS RA PLANE B	00190042	US	Unknown
SIEMENS RA PLANE B	00190044	US	Unknown
SIEMENS RA PLANE B	00190046	US	Unknown
SIEMENS RA PLANE B	00190048	US	Unknown
SIEMENS RA PLANE B	0019004a	US	Unknown
SIEMENS RA PLANE B	0019004c	US	Unknown
SIEMENS RA PLANE B	0019004e	US	Unknown
SIEMENS RA PLANE B	00190050	US	Unknown
SIEMENS RA PLANE B	00190052	US	Unknown
SIEMENS RA PLANE B	00190054	US	Unknown
SIEMENS RA PLANE B	00190056	US	Unknown
SIEMENS RA PLANE B	00190058	US	Unknown
SIEMENS RA PLANE B	0019005a	US	Unknown
SIEMENS RA PLANE B	0019005c	US	Unknown
SIEMENS RA PLANE B	0019005e	US	Unknown
SIEMENS RA PLANE B	00190060	US	Unknown
SIEMENS RA PLANE B	00190062	US	Unknown
SIEMENS RA PLANE B	00190064	US	Unknown
SIEMENS RA PLANE B	00190066	US	Unknown
SIEMENS RA PLANE B	00190068	US	Unknown
SIEMENS RA PLANE B	0019006a	US	Unknown
SIEMENS RA PLANE B	0019006c	US	Unknown
SIEMENS RA PLANE B	0019006e	US	Unknown
SIEMENS RA PLANE B	00190070	US	Unknown
SIEMENS RA PLANE B	00190072	UN	Unknown
SIEMENS RA PLANE B	00190074	UN	Unknown
SIEMENS RA PLANE B	00190076	UN	Unknown
SIEMENS RA PLANE B	00190078	US	Unknown
SIEMENS RA PLANE B	0019007a	US	Unknown
SIEMENS RA PLANE B	0019007c	US	Unknown
SIEMENS RA PLANE B	0019007e	US	Unknown
SIEMENS RA PLANE B	00190080	US	Unknown
SIEMENS RA PLANE B	00190082	US	Unknown
SIEMENS RA PLANE B	00190084	US	Unknown
SIEMENS RA PLANE B	00190086	US	Unknown
SIEMENS RA PLANE B	00190088	US	Unknown
SIEMENS RA PLANE B	0019008a	US	Unknown
SIEMENS RA PLANE B	0019008c	US	Unknown
SIEMENS RA PLANE B	0019008e	US	Unknown
SIEMENS RA PLANE B	00190090	US	Unknown
SIEMENS RA PLANE B	00190092	US	Unknown
SIEMENS RA PLANE B	00190094	US	Unknown
SIEMENS RA PLANE B	00190096	US	Unknown
SIEMENS RA PLANE B	00190098	US	Unknown
SIEMENS RA PLANE B	0019009a	US	Unknown
SIEMENS RA PLANE B	0019009c	US	Unknown
SIEMENS RA PLANE B	0019009e	US	Unknown
SIEMENS RA PLANE B	001900a0	US	Unknown
SIEMENS RA PLANE B	001900a2	US	Unknown
SIEMENS RA PLANE B	001900a4	US	Unknown
SIEMENS RA PLANE B	001900a6	US	Unknown
SIEMENS RA PLANE B	001900a8	US	Unknown
SIEMENS RA PLANE B	001900aa	US	Unknown
SIEMENS RA PLANE B	001900ac	US	Unknown
SIEMENS RIS	00110010	LT	PatientUID
SIEMENS RIS	00110011	LT	PatientID
SIEMENS RIS	00110020	DA	PatientRegistrationDate
SIEMENS RIS	00110021	TM	PatientRegistrationTime
SIEMENS RIS	00110030	LT	PatientnameRIS
SIEMENS RIS	00110031	LT	PatientprenameRIS
SIEMENS RIS	00110040	LT	PatientHospitalStatus
SIEMENS RIS	00110041	LT	MedicalAlerts
SIEMENS RIS	00110042	LT	ContrastAllergies
SIEMENS RIS	00310010	LT	RequestUID
SIEMENS RIS	00310045	LT	RequestingPhysician
SIEMENS RIS	00310050	LT	RequestedPhysician
SIEMENS RIS	00330010	LT	PatientStudyUID
SIEMENS SMS-AX  ACQ 1.0	00210000	US	AcquisitionType
SIEMENS SMS-AX  ACQ 1.0	00210001	US	AcquisitionMode
SIEMENS SMS-AX  ACQ 1.0	00210002	US	FootswitchIndex
SIEMENS SMS-AX  ACQ 1.0	00210003	US	AcquisitionRoom
SIEMENS SMS-AX  ACQ 1.0	00210004	SL	CurrentTimeProduct
SIEMENS SMS-AX  ACQ 1.0	00210005	SL	Dose
SIEMENS SMS-AX  ACQ 1.0	00210006	SL	SkinDosePercent
SIEMENS SMS-AX  ACQ 1.0	00210007	SL	SkinDoseAccumulation
SIEMENS SMS-AX  ACQ 1.0	00210008	SL	SkinDoseRate
SIEMENS SMS-AX  ACQ 1.0	0021000a	UL	CopperFilter
SIEMENS SMS-AX  ACQ 1.0	0021000b	US	MeasuringField
SIEMENS SMS-AX  ACQ 1.0	0021000c	SS	PostBlankingCircle
SIEMENS SMS-AX  ACQ 1.0	0021000d	SS	DynaAngles
SIEMENS SMS-AX  ACQ 1.0	0021000e	SS	TotalSteps
SIEMENS SMS-AX  ACQ 1.0	0021000f	SL	DynaXRayInfo
SIEMENS SMS-AX  ACQ 1.0	00210010	US	ModalityLUTInputGamma
SIEMENS SMS-AX  ACQ 1.0	00210011	US	ModalityLUTOutputGamma
SIEMENS SMS-AX  ACQ 1.0	00210012	OB	SH_STPAR
SIEMENS SMS-AX  ACQ 1.0	00210013	US	AcquisitionZoom
SIEMENS SMS-AX  ACQ 1.0	00210014	SS	DynaAngulationStepWidth
SIEMENS SMS-AX  ACQ 1.0	00210015	US	Harmonization
SIEMENS SMS-AX  ACQ 1.0	00210016	US	DRSingleFlag
SIEMENS SMS-AX  ACQ 1.0	00210017	SL	SourceToIsocenter
SIEMENS SMS-AX  ACQ 1.0	00210018	US	PressureData
SIEMENS SMS-AX  ACQ 1.0	00210019	SL	ECGIndexArray
SIEMENS SMS-AX  ACQ 1.0	0021001a	US	FDFlag
SIEMENS SMS-AX  ACQ 1.0	0021001b	OB	SH_ZOOM
SIEMENS SMS-AX  ACQ 1.0	0021001c	OB	SH_COLPAR
SIEMENS SMS-AX  ACQ 1.0	0021001d	US	K_Factor
SIEMENS SMS-AX  ACQ 1.0	0021001e	US	EVE
SIEMENS SMS-AX  ACQ 1.0	0021001f	SL	TotalSceneTime
SIEMENS SMS-AX  ACQ 1.0	00210020	US	RestoreFlag
SIEMENS SMS-AX  ACQ 1.0	00210021	US	StandMovementFlag
SIEMENS SMS-AX  ACQ 1.0	00210022	US	FDRows
SIEMENS SMS-AX  ACQ 1.0	00210023	US	FDColumns
SIEMENS SMS-AX  ACQ 1.0	00210024	US	TableMovementFlag
SIEMENS SMS-AX  ACQ 1.0	00210025	LO	OriginalOrganProgramName
SIEMENS SMS-AX  ACQ 1.0	00210026	DS	CrispyXPIFilter
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250000	US	ViewNative
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250001	US	OriginalSeriesNumber
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250002	US	OriginalImageNumber
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250003	US	WinCenter
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250004	US	WinWidth
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250005	US	WinBrightness
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250006	US	WinContrast
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250007	US	OriginalFrameNumber
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250008	US	OriginalMaskFrameNumber
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250009	US	Opac
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	0025000a	US	OriginalNumberOfFrames
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	0025000b	DS	OriginalSceneDuration
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	0025000c	LO	IdentifierLOID
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	0025000d	SS	OriginalSceneVFRInfo
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	0025000e	SS	OriginalFrameECGPosition
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	0025000f	SS	OriginalECG1stFrameOffset_retired
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250010	SS	ZoomFlag
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250011	US	Flex
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250012	US	NumberOfMaskFrames
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250013	US	NumberOfFillFrames
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250014	US	SeriesNumber
SIEMENS SMS-AX  ORIGINAL IMAGE INFO 1.0	00250015	IS	ImageNumber
SIEMENS SMS-AX  QUANT 1.0	00230000	DS	HorizontalCalibrationPixelSize
SIEMENS SMS-AX  QUANT 1.0	00230001	DS	VerticalCalibrationPixelSize
SIEMENS SMS-AX  QUANT 1.0	00230002	LO	CalibrationObject
SIEMENS SMS-AX  QUANT 1.0	00230003	DS	CalibrationObjectSize
SIEMENS SMS-AX  QUANT 1.0	00230004	LO	CalibrationMethod
SIEMENS SMS-AX  QUANT 1.0	00230005	ST	Filename
SIEMENS SMS-AX  QUANT 1.0	00230006	IS	FrameNumber
SIEMENS SMS-AX  QUANT 1.0	00230007	IS	CalibrationFactorMultiplicity
SIEMENS SMS-AX  QUANT 1.0	00230008	IS	CalibrationTODValue
SIEMENS SMS-AX  VIEW 1.0	00190000	US	ReviewMode
SIEMENS SMS-AX  VIEW 1.0	00190001	US	AnatomicalBackgroundPercent
SIEMENS SMS-AX  VIEW 1.0	00190002	US	NumberOfPhases
SIEMENS SMS-AX  VIEW 1.0	00190003	US	ApplyAnatomicalBackground
SIEMENS SMS-AX  VIEW 1.0	00190004	SS	PixelShiftArray
SIEMENS SMS-AX  VIEW 1.0	00190005	US	Brightness
SIEMENS SMS-AX  VIEW 1.0	00190006	US	Contrast
SIEMENS SMS-AX  VIEW 1.0	00190007	US	Enabled
SIEMENS SMS-AX  VIEW 1.0	00190008	US	NativeEdgeEnhancementPercentGain
SIEMENS SMS-AX  VIEW 1.0	00190009	SS	NativeEdgeEnhancementLUTIndex
SIEMENS SMS-AX  VIEW 1.0	0019000a	SS	NativeEdgeEnhancementKernelSize
SIEMENS SMS-AX  VIEW 1.0	0019000b	US	SubtrEdgeEnhancementPercentGain
SIEMENS SMS-AX  VIEW 1.0	0019000c	SS	SubtrEdgeEnhancementLUTIndex
SIEMENS SMS-AX  VIEW 1.0	0019000d	SS	SubtrEdgeEnhancementKernelSize
SIEMENS SMS-AX  VIEW 1.0	0019000e	US	FadePercent
SIEMENS SMS-AX  VIEW 1.0	0019000f	US	FlippedBeforeLateralityApplied
SIEMENS SMS-AX  VIEW 1.0	00190010	US	ApplyFade
SIEMENS SMS-AX  VIEW 1.0	00190012	US	Zoom
SIEMENS SMS-AX  VIEW 1.0	00190013	SS	PanX
SIEMENS SMS-AX  VIEW 1.0	00190014	SS	PanY
SIEMENS SMS-AX  VIEW 1.0	00190015	SS	NativeEdgeEnhancementAdvPercGain
SIEMENS SMS-AX  VIEW 1.0	00190016	SS	SubtrEdgeEnhancementAdvPercGain
SIEMENS SMS-AX  VIEW 1.0	00190017	US	InvertFlag
SIEMENS SMS-AX  VIEW 1.0	0019001a	OB	Quant1KOverlay
SIEMENS SMS-AX  VIEW 1.0	0019001b	US	OriginalResolution
SIEMENS SMS-AX  VIEW 1.0	0019001c	DS	AutoWindowCenter
SIEMENS SMS-AX  VIEW 1.0	0019001d	DS	AutoWindowWidth
SIENET	00090001	US	SIENETCommandField
SIENET	00090014	LT	ReceiverPLA
SIENET	00090016	US	TransferPriority
SIENET	00090029	LT	ActualUser
SIENET	00950001	LT	ExaminationFolderID
SIENET	00950004	UL	FolderReportedStatus
SIENET	00950005	LT	FolderReportingRadiologist
SIENET	00950007	LT	SIENETISAPLA
SIENET	00990002	UL	DataObjectAttributes
SONOWAND AS	01350010	LO	UltrasoundScannerName
SONOWAND AS	01350011	LO	TransducerSerial
SONOWAND AS	01350012	LO	ProbeApplication
SPI	00090010	LO	Comments
SPI	00090015	LO	SPIImageUID
SPI	00090040	US	DataObjectType
SPI	00090041	LT	DataObjectSubtype
SPI	00110010	LT	Organ
SPI	00110015	LT	AllergyIndication
SPI	00110020	LT	Pregnancy
SPI	00290060	LT	CompressionAlgorithm
SPI RELEASE 1	00090010	LT	Comments
SPI RELEASE 1	00090015	LO	SPIImageUID
SPI RELEASE 1	00090040	US	DataObjectType
SPI RELEASE 1	00090041	LO	DataObjectSubtype
SPI RELEASE 1	00110010	LO	Organ
SPI RELEASE 1	00110015	LO	AllergyIndication
SPI RELEASE 1	00110020	LO	Pregnancy
SPI RELEASE 1	00290060	LT	CompressionAlgorithm
SPI Release 1	00090010	LT	Comments
SPI Release 1	00090015	LO	SPIImageUID
SPI Release 1	00090040	US	DataObjectType
SPI Release 1	00090041	LO	DataObjectSubtype
SPI Release 1	00110010	LO	Organ
SPI Release 1	00110015	LO	AllergyIndication
SPI Release 1	00110020	LO	Pregnancy
SPI Release 1	00290060	LT	CompressionAlgorithm
SPI-P Release 1	00090000	LT	DataObjectRecognitionCode
SPI-P Release 1	00090004	LO	ImageDataConsistence
SPI-P Release 1	00090008	US	Unknown
SPI-P Release 1	00090012	LO	Unknown
SPI-P Release 1	00090015	LO	UniqueIdentifier
SPI-P Release 1	00090016	LO	Unknown
SPI-P Release 1	00090018	LO	Unknown
SPI-P Release 1	00090021	LT	Unknown
SPI-P Release 1	00090031	LT	PACSUniqueIdentifier
SPI-P Release 1	00090034	LT	ClusterUniqueIdentifier
SPI-P Release 1	00090038	LT	SystemUniqueIdentifier
SPI-P Release 1	00090039	LT	Unknown
SPI-P Release 1	00090051	LT	StudyUniqueIdentifier
SPI-P Release 1	00090061	LT	SeriesUniqueIdentifier
SPI-P Release 1	00090091	LT	Unknown
SPI-P Release 1	000900f2	LT	Unknown
SPI-P Release 1	000900f3	UN	Unknown
SPI-P Release 1	000900f4	LT	Unknown
SPI-P Release 1	000900f5	UN	Unknown
SPI-P Release 1	000900f7	LT	Unknown
SPI-P Release 1	00110010	LT	PatientEntryID
SPI-P Release 1	00110021	UN	Unknown
SPI-P Release 1	00110022	UN	Unknown
SPI-P Release 1	00110031	UN	Unknown
SPI-P Release 1	00110032	UN	Unknown
SPI-P Release 1	00190000	UN	Unknown
SPI-P Release 1	00190001	UN	Unknown
SPI-P Release 1	00190002	UN	Unknown
SPI-P Release 1	00190010	US	MainsFrequency
SPI-P Release 1	00190025	LT	OriginalPixelDataQuality
SPI-P Release 1	00190030	US	ECGTriggering
SPI-P Release 1	00190031	UN	ECG1Offset
SPI-P Release 1	00190032	UN	ECG2Offset1
SPI-P Release 1	00190033	UN	ECG2Offset2
SPI-P Release 1	00190050	US	VideoScanMode
SPI-P Release 1	00190051	US	VideoLineRate
SPI-P Release 1	00190060	US	XrayTechnique
SPI-P Release 1	00190061	DS	ImageIdentifierFromat
SPI-P Release 1	00190062	US	IrisDiaphragm
SPI-P Release 1	00190063	CS	Filter
SPI-P Release 1	00190064	CS	CineParallel
SPI-P Release 1	00190065	CS	CineMaster
SPI-P Release 1	00190070	US	ExposureChannel
SPI-P Release 1	00190071	UN	ExposureChannelFirstImage
SPI-P Release 1	00190072	US	ProcessingChannel
SPI-P Release 1	00190080	DS	AcquisitionDelay
SPI-P Release 1	00190081	UN	RelativeImageTime
SPI-P Release 1	00190090	CS	VideoWhiteCompression
SPI-P Release 1	001900a0	US	Angulation
SPI-P Release 1	001900a1	US	Rotation
SPI-P Release 1	00210012	LT	SeriesUniqueIdentifier
SPI-P Release 1	00210014	LT	Unknown
SPI-P Release 1	00290000	DS	Unknown
SPI-P Release 1	00290020	DS	PixelAspectRatio
SPI-P Release 1	00290025	LO	ProcessedPixelDataQuality
SPI-P Release 1	00290030	LT	Unknown
SPI-P Release 1	00290038	US	Unknown
SPI-P Release 1	00290060	LT	Unknown
SPI-P Release 1	00290061	LT	Unknown
SPI-P Release 1	00290067	LT	Unknown
SPI-P Release 1	00290070	LT	WindowID
SPI-P Release 1	00290071	CS	VideoInvertSubtracted
SPI-P Release 1	00290072	CS	VideoInvertNonsubtracted
SPI-P Release 1	00290077	CS	WindowSelectStatus
SPI-P Release 1	00290078	LT	ECGDisplayPrintingID
SPI-P Release 1	00290079	CS	ECGDisplayPrinting
SPI-P Release 1	0029007e	CS	ECGDisplayPrintingEnableStatus
SPI-P Release 1	0029007f	CS	ECGDisplayPrintingSelectStatus
SPI-P Release 1	00290080	LT	PhysiologicalDisplayID
SPI-P Release 1	00290081	US	PreferredPhysiologicalChannelDisplay
SPI-P Release 1	0029008e	CS	PhysiologicalDisplayEnableStatus
SPI-P Release 1	0029008f	CS	PhysiologicalDisplaySelectStatus
SPI-P Release 1	002900c0	LT	FunctionalShutterID
SPI-P Release 1	002900c1	US	FieldOfShutter
SPI-P Release 1	002900c5	LT	FieldOfShutterRectangle
SPI-P Release 1	002900ce	CS	ShutterEnableStatus
SPI-P Release 1	002900cf	CS	ShutterSelectStatus
SPI-P Release 1	7fe10010	ox	PixelData
SPI-P Release 1;1	000900c0	LT	Unknown
SPI-P Release 1;1	000900c1	LT	Unknown
SPI-P Release 1;1	00190000	UN	PhysiologicalDataType
SPI-P Release 1;1	00190001	UN	PhysiologicalDataChannelAndKind
SPI-P Release 1;1	00190002	US	SampleBitsAllocated
SPI-P Release 1;1	00190003	US	SampleBitsStored
SPI-P Release 1;1	00190004	US	SampleHighBit
SPI-P Release 1;1	00190005	US	SampleRepresentation
SPI-P Release 1;1	00190006	UN	SmallestSampleValue
SPI-P Release 1;1	00190007	UN	LargestSampleValue
SPI-P Release 1;1	00190008	UN	NumberOfSamples
SPI-P Release 1;1	00190009	UN	SampleData
SPI-P Release 1;1	0019000a	UN	SampleRate
SPI-P Release 1;1	00190010	UN	PhysiologicalDataType2
SPI-P Release 1;1	00190011	UN	PhysiologicalDataChannelAndKind2
SPI-P Release 1;1	00190012	US	SampleBitsAllocated2
SPI-P Release 1;1	00190013	US	SampleBitsStored2
SPI-P Release 1;1	00190014	US	SampleHighBit2
SPI-P Release 1;1	00190015	US	SampleRepresentation2
SPI-P Release 1;1	00190016	UN	SmallestSampleValue2
SPI-P Release 1;1	00190017	UN	LargestSampleValue2
SPI-P Release 1;1	00190018	UN	NumberOfSamples2
SPI-P Release 1;1	00190019	UN	SampleData2
SPI-P Release 1;1	0019001a	UN	SampleRate2
SPI-P Release 1;1	00290000	LT	ZoomID
SPI-P Release 1;1	00290001	DS	ZoomRectangle
SPI-P Release 1;1	00290003	DS	ZoomFactor
SPI-P Release 1;1	00290004	US	ZoomFunction
SPI-P Release 1;1	0029000e	CS	ZoomEnableStatus
SPI-P Release 1;1	0029000f	CS	ZoomSelectStatus
SPI-P Release 1;1	00290040	LT	MagnifyingGlassID
SPI-P Release 1;1	00290041	DS	MagnifyingGlassRectangle
SPI-P Release 1;1	00290043	DS	MagnifyingGlassFactor
SPI-P Release 1;1	00290044	US	MagnifyingGlassFunction
SPI-P Release 1;1	0029004e	CS	MagnifyingGlassEnableStatus
SPI-P Release 1;1	0029004f	CS	MagnifyingGlassSelectStatus
SPI-P Release 1;2	00290000	LT	SubtractionMaskID
SPI-P Release 1;2	00290004	UN	MaskingFunction
SPI-P Release 1;2	0029000c	UN	ProprietaryMaskingParameters
SPI-P Release 1;2	0029001e	CS	SubtractionMaskEnableStatus
SPI-P Release 1;2	0029001f	CS	SubtractionMaskSelectStatus
SPI-P Release 1;3	00290000	LT	ImageEnhancementID
SPI-P Release 1;3	00290001	LT	ImageEnhancement
SPI-P Release 1;3	00290002	LT	ConvolutionID
SPI-P Release 1;3	00290003	LT	ConvolutionType
SPI-P Release 1;3	00290004	LT	ConvolutionKernelSizeID
SPI-P Release 1;3	00290005	US	ConvolutionKernelSize
SPI-P Release 1;3	00290006	US	ConvolutionKernel
SPI-P Release 1;3	0029000c	DS	EnhancementGain
SPI-P Release 1;3	0029001e	CS	ImageEnhancementEnableStatus
SPI-P Release 1;3	0029001f	CS	ImageEnhancementSelectStatus
SPI-P Release 2;1	00110018	LT	Unknown
SPI-P Release 2;1	0023000d	UI	Unknown
SPI-P Release 2;1	0023000e	UI	Unknown
SPI-P-GV-CT Release 1	00090000	LO	Unknown
SPI-P-GV-CT Release 1	00090010	LO	Unknown
SPI-P-GV-CT Release 1	00090020	LO	Unknown
SPI-P-GV-CT Release 1	00090030	LO	Unknown
SPI-P-GV-CT Release 1	00090040	LO	Unknown
SPI-P-GV-CT Release 1	00090050	LO	Unknown
SPI-P-GV-CT Release 1	00090060	LO	Unknown
SPI-P-GV-CT Release 1	00090070	LO	Unknown
SPI-P-GV-CT Release 1	00090075	LO	Unknown
SPI-P-GV-CT Release 1	00090080	LO	Unknown
SPI-P-GV-CT Release 1	00090090	LO	Unknown
SPI-P-GV-CT Release 1	00190008	IS	Unknown
SPI-P-GV-CT Release 1	00190009	IS	Unknown
SPI-P-GV-CT Release 1	0019000a	IS	Unknown
SPI-P-GV-CT Release 1	00190010	LO	Unknown
SPI-P-GV-CT Release 1	00190020	TM	Unknown
SPI-P-GV-CT Release 1	00190050	LO	Unknown
SPI-P-GV-CT Release 1	00190060	DS	Unknown
SPI-P-GV-CT Release 1	00190061	US	Unknown
SPI-P-GV-CT Release 1	00190063	LO	Unknown
SPI-P-GV-CT Release 1	00190064	US	Unknown
SPI-P-GV-CT Release 1	00190065	IS	Unknown
SPI-P-GV-CT Release 1	00190070	LT	Unknown
SPI-P-GV-CT Release 1	00190080	LO	Unknown
SPI-P-GV-CT Release 1	00190081	LO	Unknown
SPI-P-GV-CT Release 1	00190090	LO	Unknown
SPI-P-GV-CT Release 1	001900a0	LO	Unknown
SPI-P-GV-CT Release 1	001900a1	US	Unknown
SPI-P-GV-CT Release 1	001900a2	US	Unknown
SPI-P-GV-CT Release 1	001900a3	US	Unknown
SPI-P-GV-CT Release 1	001900b0	LO	Unknown
SPI-P-GV-CT Release 1	001900b1	LO	Unknown
SPI-P-GV-CT Release 1	00210020	LO	Unknown
SPI-P-GV-CT Release 1	00210030	DS	Unknown
SPI-P-GV-CT Release 1	00210040	LO	Unknown
SPI-P-GV-CT Release 1	00210050	LO	Unknown
SPI-P-GV-CT Release 1	00210060	DS	Unknown
SPI-P-GV-CT Release 1	00210070	DS	Unknown
SPI-P-GV-CT Release 1	00210080	DS	Unknown
SPI-P-GV-CT Release 1	00210090	DS	Unknown
SPI-P-GV-CT Release 1	002100a0	US	Unknown
SPI-P-GV-CT Release 1	002100a1	DS	Unknown
SPI-P-GV-CT Release 1	002100a2	DS	Unknown
SPI-P-GV-CT Release 1	002100a3	LT	Unknown
SPI-P-GV-CT Release 1	002100a4	LT	Unknown
SPI-P-GV-CT Release 1	002100b0	LO	Unknown
SPI-P-GV-CT Release 1	002100c0	LO	Unknown
SPI-P-GV-CT Release 1	00290010	LO	Unknown
SPI-P-GV-CT Release 1	00290030	UL	Unknown
SPI-P-GV-CT Release 1	00290031	UL	Unknown
SPI-P-GV-CT Release 1	00290032	UL	Unknown
SPI-P-GV-CT Release 1	00290033	UL	Unknown
SPI-P-GV-CT Release 1	00290080	LO	Unknown
SPI-P-GV-CT Release 1	00290090	LO	Unknown
SPI-P-GV-CT Release 1	002900d0	IS	Unknown
SPI-P-GV-CT Release 1	002900d1	IS	Unknown
SPI-P-PCR Release 2	00190030	US	Unknown
SPI-P-Private-CWS Release 1	00210000	LT	WindowOfImagesID
SPI-P-Private-CWS Release 1	00210001	CS	WindowOfImagesType
SPI-P-Private-CWS Release 1	00210002	IS	WindowOfImagesScope
SPI-P-Private-DCI Release 1	00190010	UN	ECGTimeMapDataBitsAllocated
SPI-P-Private-DCI Release 1	00190011	UN	ECGTimeMapDataBitsStored
SPI-P-Private-DCI Release 1	00190012	UN	ECGTimeMapDataHighBit
SPI-P-Private-DCI Release 1	00190013	UN	ECGTimeMapDataRepresentation
SPI-P-Private-DCI Release 1	00190014	UN	ECGTimeMapDataSmallestDataValue
SPI-P-Private-DCI Release 1	00190015	UN	ECGTimeMapDataLargestDataValue
SPI-P-Private-DCI Release 1	00190016	UN	ECGTimeMapDataNumberOfDataValues
SPI-P-Private-DCI Release 1	00190017	UN	ECGTimeMapData
SPI-P-Private_CDS Release 1	00210040	IS	Unknown
SPI-P-Private_CDS Release 1	00290000	UN	Unknown
SPI-P-Private_ICS Release 1	00190030	DS	Unknown
SPI-P-Private_ICS Release 1	00190031	LO	Unknown
SPI-P-Private_ICS Release 1	00290008	SQ	Unknown
SPI-P-Private_ICS Release 1	0029000f	SQ	Unknown
SPI-P-Private_ICS Release 1	00290010	SQ	Unknown
SPI-P-Private_ICS Release 1	0029001b	SQ	Unknown
SPI-P-Private_ICS Release 1	0029001c	SQ	Unknown
SPI-P-Private_ICS Release 1	00290021	SQ	Unknown
SPI-P-Private_ICS Release 1	00290043	SQ	Unknown
SPI-P-Private_ICS Release 1	00290044	SQ	Unknown
SPI-P-Private_ICS Release 1	0029004c	SQ	Unknown
SPI-P-Private_ICS Release 1	00290067	LO	Unknown
SPI-P-Private_ICS Release 1	00290068	US	Unknown
SPI-P-Private_ICS Release 1	0029006a	LO	Unknown
SPI-P-Private_ICS Release 1	0029006b	US	Unknown
SPI-P-Private_ICS Release 1;1	00290000	SL	Unknown
SPI-P-Private_ICS Release 1;1	00290005	FL	Unknown
SPI-P-Private_ICS Release 1;1	00290006	FL	Unknown
SPI-P-Private_ICS Release 1;1	00290020	FL	Unknown
SPI-P-Private_ICS Release 1;1	00290021	FL	Unknown
SPI-P-Private_ICS Release 1;1	002900cd	SQ	Unknown
SPI-P-Private_ICS Release 1;2	00290000	FD	Unknown
SPI-P-Private_ICS Release 1;2	00290001	FD	Unknown
SPI-P-Private_ICS Release 1;2	00290002	FD	Unknown
SPI-P-Private_ICS Release 1;2	00290003	SL	Unknown
SPI-P-Private_ICS Release 1;2	00290004	SL	Unknown
SPI-P-Private_ICS Release 1;2	00290005	SL	Unknown
SPI-P-Private_ICS Release 1;3	002900c0	SQ	Unknown
SPI-P-Private_ICS Release 1;3	002900c1	SQ	Unknown
SPI-P-Private_ICS Release 1;3	002900c2	SQ	Unknown
SPI-P-Private_ICS Release 1;3	002900c3	SQ	Unknown
SPI-P-Private_ICS Release 1;3	002900c4	SQ	Unknown
SPI-P-Private_ICS Release 1;3	002900c5	SQ	Unknown
SPI-P-Private_ICS Release 1;4	00290002	SQ	Unknown
SPI-P-Private_ICS Release 1;4	0029009a	SQ	Unknown
SPI-P-Private_ICS Release 1;4	002900e0	SQ	Unknown
SPI-P-Private_ICS Release 1;5	00290050	CS	Unknown
SPI-P-Private_ICS Release 1;5	00290055	CS	Unknown
SPI-P-XSB-DCI Release 1	00190010	LT	VideoBeamBoost
SPI-P-XSB-DCI Release 1	00190011	US	ChannelGeneratingVideoSync
SPI-P-XSB-DCI Release 1	00190012	US	VideoGain
SPI-P-XSB-DCI Release 1	00190013	US	VideoOffset
SPI-P-XSB-DCI Release 1	00190020	DS	RTDDataCompressionFactor
SVISION	00170000	LO	ExtendedBodyPart
SVISION	00170010	LO	ExtendedViewPosition
SVISION	001700f0	IS	ImagesSOPClass
SVISION	00190000	IS	AECField
SVISION	00190001	IS	AECFilmScreen
SVISION	00190002	IS	AECDensity
SVISION	00190010	IS	PatientThickness
SVISION	00190018	IS	BeamDistance
SVISION	00190020	IS	WorkstationNumber
SVISION	00190028	IS	TubeNumber
SVISION	00190030	IS	BuckyGrid
SVISION	00190034	IS	Focus
SVISION	00190038	IS	Child
SVISION	00190040	IS	CollimatorDistanceX
SVISION	00190041	IS	CollimatorDistanceY
SVISION	00190050	IS	CentralBeamHeight
SVISION	00190060	IS	BuckyAngle
SVISION	00190068	IS	CArmAngle
SVISION	00190069	IS	CollimatorAngle
SVISION	00190070	IS	FilterNumber
SVISION	00190074	LO	FilterMaterial1
SVISION	00190075	LO	FilterMaterial2
SVISION	00190078	DS	FilterThickness1
SVISION	00190079	DS	FilterThickness2
SVISION	00190080	IS	BuckyFormat
SVISION	00190081	IS	ObjectPosition
SVISION	00190090	LO	DeskCommand
SVISION	001900a0	DS	ExtendedExposureTime
SVISION	001900a1	DS	ActualExposureTime
SVISION	001900a8	DS	ExtendedXRayTubeCurrent
SVISION	00210000	DS	NoiseReduction
SVISION	00210001	DS	ContrastAmplification
SVISION	00210002	DS	EdgeContrastBoosting
SVISION	00210003	DS	LatitudeReduction
SVISION	00210010	LO	FindRangeAlgorithm
SVISION	00210011	DS	ThresholdCAlgorithm
SVISION	00210020	LO	SensometricCurve
SVISION	00210030	DS	LowerWindowOffset
SVISION	00210031	DS	UpperWindowOffset
SVISION	00210040	DS	MinPrintableDensity
SVISION	00210041	DS	MaxPrintableDensity
SVISION	00210090	DS	Brightness
SVISION	00210091	DS	Contrast
SVISION	00210092	DS	ShapeFactor
SVISION	00230000	LO	ImageLaterality
SVISION	00230001	IS	LetterPosition
SVISION	00230002	IS	BurnedInAnnotation
SVISION	00230003	LO	Unknown
SVISION	002300f0	IS	ImageSOPClass
SVISION	00250000	IS	OriginalImage
SVISION	00250001	IS	NotProcessedImage
SVISION	00250002	IS	CutOutImage
SVISION	00250003	IS	DuplicatedImage
SVISION	00250004	IS	StoredImage
SVISION	00250005	IS	RetrievedImage
SVISION	00250006	IS	RemoteImage
SVISION	00250007	IS	MediaStoredImage
SVISION	00250008	IS	ImageState
SVISION	00250020	LO	SourceImageFile
SVISION	00250021	UI	Unknown
SVISION	00270000	IS	NumberOfSeries
SVISION	00270001	IS	NumberOfStudies
SVISION	00270010	DT	OldestSeries
SVISION	00270011	DT	NewestSeries
SVISION	00270012	DT	OldestStudy
SVISION	00270013	DT	NewestStudy
Silhouette Annot V1.0	00290011	IS	AnnotationName
Silhouette Annot V1.0	00290012	LT	AnnotationFont
Silhouette Annot V1.0	00290013	LT	AnnotationTextForegroundColor
Silhouette Annot V1.0	00290014	LT	AnnotationTextBackgroundColor
Silhouette Annot V1.0	00290015	UL	AnnotationTextBackingMode
Silhouette Annot V1.0	00290016	UL	AnnotationTextJustification
Silhouette Annot V1.0	00290017	UL	AnnotationTextLocation
Silhouette Annot V1.0	00290018	LT	AnnotationTextString
Silhouette Annot V1.0	00290019	UL	AnnotationTextAttachMode
Silhouette Annot V1.0	00290020	UL	AnnotationTextCursorMode
Silhouette Annot V1.0	00290021	UL	AnnotationTextShadowOffsetX
Silhouette Annot V1.0	00290022	UL	AnnotationTextShadowOffsetY
Silhouette Annot V1.0	00290023	LT	AnnotationLineColor
Silhouette Annot V1.0	00290024	UL	AnnotationLineThickness
Silhouette Annot V1.0	00290025	UL	AnnotationLineType
Silhouette Annot V1.0	00290026	UL	AnnotationLineStyle
Silhouette Annot V1.0	00290027	UL	AnnotationLineDashLength
Silhouette Annot V1.0	00290028	UL	AnnotationLineAttachMode
Silhouette Annot V1.0	00290029	UL	AnnotationLinePointCount
Silhouette Annot V1.0	00290030	FD	AnnotationLinePoints
Silhouette Annot V1.0	00290031	UL	AnnotationLineControlSize
Silhouette Annot V1.0	00290032	LT	AnnotationMarkerColor
Silhouette Annot V1.0	00290033	UL	AnnotationMarkerType
Silhouette Annot V1.0	00290034	UL	AnnotationMarkerSize
Silhouette Annot V1.0	00290035	FD	AnnotationMarkerLocation
Silhouette Annot V1.0	00290036	UL	AnnotationMarkerAttachMode
Silhouette Annot V1.0	00290037	LT	AnnotationGeomColor
Silhouette Annot V1.0	00290038	UL	AnnotationGeomThickness
Silhouette Annot V1.0	00290039	UL	AnnotationGeomLineStyle
Silhouette Annot V1.0	00290040	UL	AnnotationGeomDashLength
Silhouette Annot V1.0	00290041	UL	AnnotationGeomFillPattern
Silhouette Annot V1.0	00290042	UL	AnnotationInteractivity
Silhouette Annot V1.0	00290043	FD	AnnotationArrowLength
Silhouette Annot V1.0	00290044	FD	AnnotationArrowAngle
Silhouette Annot V1.0	00290045	UL	AnnotationDontSave
Silhouette Graphics Export V1.0	00290000	UI	Unknown
Silhouette Line V1.0	00290011	IS	LineName
Silhouette Line V1.0	00290012	LT	LineNameFont
Silhouette Line V1.0	00290013	UL	LineNameDisplay
Silhouette Line V1.0	00290014	LT	LineNormalColor
Silhouette Line V1.0	00290015	UL	LineType
Silhouette Line V1.0	00290016	UL	LineThickness
Silhouette Line V1.0	00290017	UL	LineStyle
Silhouette Line V1.0	00290018	UL	LineDashLength
Silhouette Line V1.0	00290019	UL	LineInteractivity
Silhouette Line V1.0	00290020	LT	LineMeasurementColor
Silhouette Line V1.0	00290021	LT	LineMeasurementFont
Silhouette Line V1.0	00290022	UL	LineMeasurementDashLength
Silhouette Line V1.0	00290023	UL	LinePointSpace
Silhouette Line V1.0	00290024	FD	LinePoints
Silhouette Line V1.0	00290025	UL	LineControlPointSize
Silhouette Line V1.0	00290026	UL	LineControlPointSpace
Silhouette Line V1.0	00290027	FD	LineControlPoints
Silhouette Line V1.0	00290028	LT	LineLabel
Silhouette Line V1.0	00290029	UL	LineDontSave
Silhouette ROI V1.0	00290011	IS	ROIName
Silhouette ROI V1.0	00290012	LT	ROINameFont
Silhouette ROI V1.0	00290013	LT	ROINormalColor
Silhouette ROI V1.0	00290014	UL	ROIFillPattern
Silhouette ROI V1.0	00290015	UL	ROIBpSeg
Silhouette ROI V1.0	00290016	UN	ROIBpSegPairs
Silhouette ROI V1.0	00290017	UL	ROISeedSpace
Silhouette ROI V1.0	00290018	UN	ROISeeds
Silhouette ROI V1.0	00290019	UL	ROILineThickness
Silhouette ROI V1.0	00290020	UL	ROILineStyle
Silhouette ROI V1.0	00290021	UL	ROILineDashLength
Silhouette ROI V1.0	00290022	UL	ROIInteractivity
Silhouette ROI V1.0	00290023	UL	ROINamePosition
Silhouette ROI V1.0	00290024	UL	ROINameDisplay
Silhouette ROI V1.0	00290025	LT	ROILabel
Silhouette ROI V1.0	00290026	UL	ROIShape
Silhouette ROI V1.0	00290027	FD	ROIShapeTilt
Silhouette ROI V1.0	00290028	UL	ROIShapePointsCount
Silhouette ROI V1.0	00290029	UL	ROIShapePointsSpace
Silhouette ROI V1.0	00290030	FD	ROIShapePoints
Silhouette ROI V1.0	00290031	UL	ROIShapeControlPointsCount
Silhouette ROI V1.0	00290032	UL	ROIShapeControlPointsSpace
Silhouette ROI V1.0	00290033	FD	ROIShapeControlPoints
Silhouette ROI V1.0	00290034	UL	ROIDontSave
Silhouette Sequence Ids V1.0	00290041	SQ	Unknown
Silhouette Sequence Ids V1.0	00290042	SQ	Unknown
Silhouette Sequence Ids V1.0	00290043	SQ	Unknown
Silhouette V1.0	00290013	UL	Unknown
Silhouette V1.0	00290014	UL	Unknown
Silhouette V1.0	00290017	UN	Unknown
Silhouette V1.0	00290018	UN	Unknown
Silhouette V1.0	00290019	UL	Unknown
Silhouette V1.0	0029001a	UN	Unknown
Silhouette V1.0	0029001b	UL	Unknown
Silhouette V1.0	0029001c	UL	Unknown
Silhouette V1.0	0029001d	UN	Unknown
Silhouette V1.0	0029001e	UN	Unknown
Silhouette V1.0	00290021	US	Unknown
Silhouette V1.0	00290022	US	Unknown
Silhouette V1.0	00290023	US	Unknown
Silhouette V1.0	00290024	US	Unknown
Silhouette V1.0	00290025	US	Unknown
Silhouette V1.0	00290027	UN	Unknown
Silhouette V1.0	00290028	UN	Unknown
Silhouette V1.0	00290029	UN	Unknown
Silhouette V1.0	00290030	UN	Unknown
Silhouette V1.0	00290052	US	Unknown
Silhouette V1.0	00290053	LT	Unknown
Silhouette V1.0	00290054	UN	Unknown
Silhouette V1.0	00290055	LT	Unknown
Silhouette V1.0	00290056	LT	Unknown
Silhouette V1.0	00290057	UN	Unknown
TOSHIBA_MEC_1.0	00090001	LT	Unknown
TOSHIBA_MEC_1.0	00090002	US	Unknown
TOSHIBA_MEC_1.0	00090003	US	Unknown
TOSHIBA_MEC_1.0	00090004	US	Unknown
TOSHIBA_MEC_1.0	00110001	LT	Unknown
TOSHIBA_MEC_1.0	00110002	US	Unknown
TOSHIBA_MEC_1.0	00190001	US	Unknown
TOSHIBA_MEC_1.0	00190002	US	Unknown
TOSHIBA_MEC_1.0	00210001	US	Unknown
TOSHIBA_MEC_1.0	00210002	US	Unknown
TOSHIBA_MEC_1.0	00210003	US	Unknown
TOSHIBA_MEC_1.0	7ff10001	US	Unknown
TOSHIBA_MEC_1.0	7ff10002	US	Unknown
TOSHIBA_MEC_1.0	7ff10003	US	Unknown
TOSHIBA_MEC_1.0	7ff10010	US	Unknown
TOSHIBA_MEC_CT_1.0	00190001	IS	Unknown
TOSHIBA_MEC_CT_1.0	00190002	IS	Unknown
TOSHIBA_MEC_CT_1.0	00190003	US	Unknown
TOSHIBA_MEC_CT_1.0	00190004	LT	Unknown
TOSHIBA_MEC_CT_1.0	00190005	LT	Unknown
TOSHIBA_MEC_CT_1.0	00190006	US	Unknown
TOSHIBA_MEC_CT_1.0	00190007	US	Unknown
TOSHIBA_MEC_CT_1.0	00190008	LT	OrientationHeadFeet
TOSHIBA_MEC_CT_1.0	00190009	LT	ViewDirection
TOSHIBA_MEC_CT_1.0	0019000a	LT	OrientationSupineProne
TOSHIBA_MEC_CT_1.0	0019000b	DS	Unknown
TOSHIBA_MEC_CT_1.0	0019000c	US	Unknown
TOSHIBA_MEC_CT_1.0	0019000d	TM	Time
TOSHIBA_MEC_CT_1.0	0019000e	DS	Unknown
TOSHIBA_MEC_CT_1.0	7ff10001	US	Unknown
TOSHIBA_MEC_CT_1.0	7ff10002	US	Unknown
TOSHIBA_MEC_CT_1.0	7ff10003	IS	Unknown
TOSHIBA_MEC_CT_1.0	7ff10004	IS	Unknown
TOSHIBA_MEC_CT_1.0	7ff10005	US	Unknown
TOSHIBA_MEC_CT_1.0	7ff10007	US	Unknown
TOSHIBA_MEC_CT_1.0	7ff10008	US	Unknown
TOSHIBA_MEC_CT_1.0	7ff10009	US	Unknown
TOSHIBA_MEC_CT_1.0	7ff1000a	LT	Unknown
TOSHIBA_MEC_CT_1.0	7ff1000b	US	Unknown
TOSHIBA_MEC_CT_1.0	7ff1000c	US	Unknown
TOSHIBA_MEC_CT_1.0	7ff1000d	US	Unknown
"""
