snip_steps_1() {
printf '%s-%04d\n' pod 1
}

! IFS=$'\n' read -r -d '' snip_steps_1_out <<\ENDSNIP
pod-0001
ENDSNIP

snip_steps_2() {
printf '%s-%04d\n' pod 2
}

! IFS=$'\n' read -r -d '' snip_steps_2_out <<\ENDSNIP
pod-0002
ENDSNIP

snip_steps_3() {
printf '%s-%04d\n' pod 3
}

! IFS=$'\n' read -r -d '' snip_steps_3_out <<\ENDSNIP
pod-0003
ENDSNIP

snip_steps_4() {
printf '%s-%04d\n' pod 4
}

! IFS=$'\n' read -r -d '' snip_steps_4_out <<\ENDSNIP
pod-0004
ENDSNIP

snip_steps_5() {
printf '%s-%04d\n' pod 5
}

! IFS=$'\n' read -r -d '' snip_steps_5_out <<\ENDSNIP
pod-0005
ENDSNIP

snip_steps_6() {
printf '%s-%04d\n' pod 6
}

! IFS=$'\n' read -r -d '' snip_steps_6_out <<\ENDSNIP
pod-0006
ENDSNIP

snip_steps_7() {
printf '%s-%04d\n' pod 7
}

! IFS=$'\n' read -r -d '' snip_steps_7_out <<\ENDSNIP
pod-0007
ENDSNIP

snip_steps_8() {
printf '%s-%04d\n' pod 8
}

! IFS=$'\n' read -r -d '' snip_steps_8_out <<\ENDSNIP
pod-0008
ENDSNIP

snip_steps_9() {
printf '%s-%04d\n' pod 9
}

! IFS=$'\n' read -r -d '' snip_steps_9_out <<\ENDSNIP
pod-0009
ENDSNIP

snip_steps_10() {
printf '%s-%04d\n' pod 10
}

! IFS=$'\n' read -r -d '' snip_steps_10_out <<\ENDSNIP
pod-0010
ENDSNIP

snip_steps_11() {
printf '%s-%04d\n' pod 11
}

! IFS=$'\n' read -r -d '' snip_steps_11_out <<\ENDSNIP
pod-0011
ENDSNIP

snip_steps_12() {
printf '%s-%04d\n' pod 12
}

! IFS=$'\n' read -r -d '' snip_steps_12_out <<\ENDSNIP
pod-0012
ENDSNIP

snip_steps_13() {
printf '%s-%04d\n' pod 13
}

! IFS=$'\n' read -r -d '' snip_steps_13_out <<\ENDSNIP
pod-0013
ENDSNIP

snip_steps_14() {
printf '%s-%04d\n' pod 14
}

! IFS=$'\n' read -r -d '' snip_steps_14_out <<\ENDSNIP
pod-0014
ENDSNIP

snip_steps_15() {
printf '%s-%04d\n' pod 15
}

! IFS=$'\n' read -r -d '' snip_steps_15_out <<\ENDSNIP
pod-0015
ENDSNIP

snip_steps_16() {
printf '%s-%04d\n' pod 16
}

! IFS=$'\n' read -r -d '' snip_steps_16_out <<\ENDSNIP
pod-0016
ENDSNIP

snip_steps_17() {
printf '%s-%04d\n' pod 17
}

! IFS=$'\n' read -r -d '' snip_steps_17_out <<\ENDSNIP
pod-0017
ENDSNIP

snip_steps_18() {
printf '%s-%04d\n' pod 18
}

! IFS=$'\n' read -r -d '' snip_steps_18_out <<\ENDSNIP
pod-0018
ENDSNIP

snip_steps_19() {
printf '%s-%04d\n' pod 19
}

! IFS=$'\n' read -r -d '' snip_steps_19_out <<\ENDSNIP
pod-0019
ENDSNIP

snip_steps_20() {
printf '%s-%04d\n' pod 20
}

! IFS=$'\n' read -r -d '' snip_steps_20_out <<\ENDSNIP
pod-0020
ENDSNIP

snip_steps_21() {
printf '%s-%04d\n' pod 21
}

! IFS=$'\n' read -r -d '' snip_steps_21_out <<\ENDSNIP
pod-0021
ENDSNIP

snip_steps_22() {
printf '%s-%04d\n' pod 22
}

! IFS=$'\n' read -r -d '' snip_steps_22_out <<\ENDSNIP
pod-0022
ENDSNIP

snip_steps_23() {
printf '%s-%04d\n' pod 23
}

! IFS=$'\n' read -r -d '' snip_steps_23_out <<\ENDSNIP
pod-0023
ENDSNIP

snip_steps_24() {
printf '%s-%04d\n' pod 24
}

! IFS=$'\n' read -r -d '' snip_steps_24_out <<\ENDSNIP
pod-0024
ENDSNIP

snip_steps_25() {
printf '%s-%04d\n' pod 25
}

! IFS=$'\n' read -r -d '' snip_steps_25_out <<\ENDSNIP
pod-0025
ENDSNIP

snip_steps_26() {
printf '%s-%04d\n' pod 26
}

! IFS=$'\n' read -r -d '' snip_steps_26_out <<\ENDSNIP
pod-0026
ENDSNIP

snip_steps_27() {
printf '%s-%04d\n' pod 27
}

! IFS=$'\n' read -r -d '' snip_steps_27_out <<\ENDSNIP
pod-0027
ENDSNIP

snip_steps_28() {
printf '%s-%04d\n' pod 28
}

! IFS=$'\n' read -r -d '' snip_steps_28_out <<\ENDSNIP
pod-0028
ENDSNIP

snip_steps_29() {
printf '%s-%04d\n' pod 29
}

! IFS=$'\n' read -r -d '' snip_steps_29_out <<\ENDSNIP
pod-0029
ENDSNIP

snip_steps_30() {
printf '%s-%04d\n' pod 30
}

! IFS=$'\n' read -r -d '' snip_steps_30_out <<\ENDSNIP
pod-0030
ENDSNIP

snip_steps_31() {
printf '%s-%04d\n' pod 31
}

! IFS=$'\n' read -r -d '' snip_steps_31_out <<\ENDSNIP
pod-0031
ENDSNIP

snip_steps_32() {
printf '%s-%04d\n' pod 32
}

! IFS=$'\n' read -r -d '' snip_steps_32_out <<\ENDSNIP
pod-0032
ENDSNIP

snip_steps_33() {
printf '%s-%04d\n' pod 33
}

! IFS=$'\n' read -r -d '' snip_steps_33_out <<\ENDSNIP
pod-0033
ENDSNIP

snip_steps_34() {
printf '%s-%04d\n' pod 34
}

! IFS=$'\n' read -r -d '' snip_steps_34_out <<\ENDSNIP
pod-0034
ENDSNIP

snip_steps_35() {
printf '%s-%04d\n' pod 35
}

! IFS=$'\n' read -r -d '' snip_steps_35_out <<\ENDSNIP
pod-0035
ENDSNIP

snip_steps_36() {
printf '%s-%04d\n' pod 36
}

! IFS=$'\n' read -r -d '' snip_steps_36_out <<\ENDSNIP
pod-0036
ENDSNIP

snip_steps_37() {
printf '%s-%04d\n' pod 37
}

! IFS=$'\n' read -r -d '' snip_steps_37_out <<\ENDSNIP
pod-0037
ENDSNIP

snip_steps_38() {
printf '%s-%04d\n' pod 38
}

! IFS=$'\n' read -r -d '' snip_steps_38_out <<\ENDSNIP
pod-0038
ENDSNIP

snip_steps_39() {
printf '%s-%04d\n' pod 39
}

! IFS=$'\n' read -r -d '' snip_steps_39_out <<\ENDSNIP
pod-0039
ENDSNIP

snip_steps_40() {
printf '%s-%04d\n' pod 40
}

! IFS=$'\n' read -r -d '' snip_steps_40_out <<\ENDSNIP
pod-0040
ENDSNIP

snip_steps_41() {
printf '%s-%04d\n' pod 41
}

! IFS=$'\n' read -r -d '' snip_steps_41_out <<\ENDSNIP
pod-0041
ENDSNIP

snip_steps_42() {
printf '%s-%04d\n' pod 42
}

! IFS=$'\n' read -r -d '' snip_steps_42_out <<\ENDSNIP
pod-0042
ENDSNIP

snip_steps_43() {
printf '%s-%04d\n' pod 43
}

! IFS=$'\n' read -r -d '' snip_steps_43_out <<\ENDSNIP
pod-0043
ENDSNIP

snip_steps_44() {
printf '%s-%04d\n' pod 44
}

! IFS=$'\n' read -r -d '' snip_steps_44_out <<\ENDSNIP
pod-0044
ENDSNIP

snip_steps_45() {
printf '%s-%04d\n' pod 45
}

! IFS=$'\n' read -r -d '' snip_steps_45_out <<\ENDSNIP
pod-0045
ENDSNIP

snip_steps_46() {
printf '%s-%04d\n' pod 46
}

! IFS=$'\n' read -r -d '' snip_steps_46_out <<\ENDSNIP
pod-0046
ENDSNIP

snip_steps_47() {
printf '%s-%04d\n' pod 47
}

! IFS=$'\n' read -r -d '' snip_steps_47_out <<\ENDSNIP
pod-0047
ENDSNIP

snip_steps_48() {
printf '%s-%04d\n' pod 48
}

! IFS=$'\n' read -r -d '' snip_steps_48_out <<\ENDSNIP
pod-0048
ENDSNIP

snip_steps_49() {
printf '%s-%04d\n' pod 49
}

! IFS=$'\n' read -r -d '' snip_steps_49_out <<\ENDSNIP
pod-0049
ENDSNIP

snip_steps_50() {
printf '%s-%04d\n' pod 50
}

! IFS=$'\n' read -r -d '' snip_steps_50_out <<\ENDSNIP
pod-0050
ENDSNIP

snip_steps_51() {
printf '%s-%04d\n' pod 51
}

! IFS=$'\n' read -r -d '' snip_steps_51_out <<\ENDSNIP
pod-0051
ENDSNIP

snip_steps_52() {
printf '%s-%04d\n' pod 52
}

! IFS=$'\n' read -r -d '' snip_steps_52_out <<\ENDSNIP
pod-0052
ENDSNIP

snip_steps_53() {
printf '%s-%04d\n' pod 53
}

! IFS=$'\n' read -r -d '' snip_steps_53_out <<\ENDSNIP
pod-0053
ENDSNIP

snip_steps_54() {
printf '%s-%04d\n' pod 54
}

! IFS=$'\n' read -r -d '' snip_steps_54_out <<\ENDSNIP
pod-0054
ENDSNIP

snip_steps_55() {
printf '%s-%04d\n' pod 55
}

! IFS=$'\n' read -r -d '' snip_steps_55_out <<\ENDSNIP
pod-0055
ENDSNIP

snip_steps_56() {
printf '%s-%04d\n' pod 56
}

! IFS=$'\n' read -r -d '' snip_steps_56_out <<\ENDSNIP
pod-0056
ENDSNIP

snip_steps_57() {
printf '%s-%04d\n' pod 57
}

! IFS=$'\n' read -r -d '' snip_steps_57_out <<\ENDSNIP
pod-0057
ENDSNIP

snip_steps_58() {
printf '%s-%04d\n' pod 58
}

! IFS=$'\n' read -r -d '' snip_steps_58_out <<\ENDSNIP
pod-0058
ENDSNIP

snip_steps_59() {
printf '%s-%04d\n' pod 59
}

! IFS=$'\n' read -r -d '' snip_steps_59_out <<\ENDSNIP
pod-0059
ENDSNIP

snip_steps_60() {
printf '%s-%04d\n' pod 60
}

! IFS=$'\n' read -r -d '' snip_steps_60_out <<\ENDSNIP
pod-0060
ENDSNIP

snip_steps_61() {
printf '%s-%04d\n' pod 61
}

! IFS=$'\n' read -r -d '' snip_steps_61_out <<\ENDSNIP
pod-0061
ENDSNIP

snip_steps_62() {
printf '%s-%04d\n' pod 62
}

! IFS=$'\n' read -r -d '' snip_steps_62_out <<\ENDSNIP
pod-0062
ENDSNIP

snip_steps_63() {
printf '%s-%04d\n' pod 63
}

! IFS=$'\n' read -r -d '' snip_steps_63_out <<\ENDSNIP
pod-0063
ENDSNIP

snip_steps_64() {
printf '%s-%04d\n' pod 64
}

! IFS=$'\n' read -r -d '' snip_steps_64_out <<\ENDSNIP
pod-0064
ENDSNIP

snip_steps_65() {
printf '%s-%04d\n' pod 65
}

! IFS=$'\n' read -r -d '' snip_steps_65_out <<\ENDSNIP
pod-0065
ENDSNIP

snip_steps_66() {
printf '%s-%04d\n' pod 66
}

! IFS=$'\n' read -r -d '' snip_steps_66_out <<\ENDSNIP
pod-0066
ENDSNIP

snip_steps_67() {
printf '%s-%04d\n' pod 67
}

! IFS=$'\n' read -r -d '' snip_steps_67_out <<\ENDSNIP
pod-0067
ENDSNIP

snip_steps_68() {
printf '%s-%04d\n' pod 68
}

! IFS=$'\n' read -r -d '' snip_steps_68_out <<\ENDSNIP
pod-0068
ENDSNIP

snip_steps_69() {
printf '%s-%04d\n' pod 69
}

! IFS=$'\n' read -r -d '' snip_steps_69_out <<\ENDSNIP
pod-0069
ENDSNIP

snip_steps_70() {
printf '%s-%04d\n' pod 70
}

! IFS=$'\n' read -r -d '' snip_steps_70_out <<\ENDSNIP
pod-0070
ENDSNIP

snip_steps_71() {
printf '%s-%04d\n' pod 71
}

! IFS=$'\n' read -r -d '' snip_steps_71_out <<\ENDSNIP
pod-0071
ENDSNIP

snip_steps_72() {
printf '%s-%04d\n' pod 72
}

! IFS=$'\n' read -r -d '' snip_steps_72_out <<\ENDSNIP
pod-0072
ENDSNIP

snip_steps_73() {
printf '%s-%04d\n' pod 73
}

! IFS=$'\n' read -r -d '' snip_steps_73_out <<\ENDSNIP
pod-0073
ENDSNIP

snip_steps_74() {
printf '%s-%04d\n' pod 74
}

! IFS=$'\n' read -r -d '' snip_steps_74_out <<\ENDSNIP
pod-0074
ENDSNIP

snip_steps_75() {
printf '%s-%04d\n' pod 75
}

! IFS=$'\n' read -r -d '' snip_steps_75_out <<\ENDSNIP
pod-0075
ENDSNIP

snip_steps_76() {
printf '%s-%04d\n' pod 76
}

! IFS=$'\n' read -r -d '' snip_steps_76_out <<\ENDSNIP
pod-0076
ENDSNIP

snip_steps_77() {
printf '%s-%04d\n' pod 77
}

! IFS=$'\n' read -r -d '' snip_steps_77_out <<\ENDSNIP
pod-0077
ENDSNIP

snip_steps_78() {
printf '%s-%04d\n' pod 78
}

! IFS=$'\n' read -r -d '' snip_steps_78_out <<\ENDSNIP
pod-0078
ENDSNIP

snip_steps_79() {
printf '%s-%04d\n' pod 79
}

! IFS=$'\n' read -r -d '' snip_steps_79_out <<\ENDSNIP
pod-0079
ENDSNIP

snip_steps_80() {
printf '%s-%04d\n' pod 80
}

! IFS=$'\n' read -r -d '' snip_steps_80_out <<\ENDSNIP
pod-0080
ENDSNIP

snip_steps_81() {
printf '%s-%04d\n' pod 81
}

! IFS=$'\n' read -r -d '' snip_steps_81_out <<\ENDSNIP
pod-0081
ENDSNIP

snip_steps_82() {
printf '%s-%04d\n' pod 82
}

! IFS=$'\n' read -r -d '' snip_steps_82_out <<\ENDSNIP
pod-0082
ENDSNIP

snip_steps_83() {
printf '%s-%04d\n' pod 83
}

! IFS=$'\n' read -r -d '' snip_steps_83_out <<\ENDSNIP
pod-0083
ENDSNIP

snip_steps_84() {
printf '%s-%04d\n' pod 84
}

! IFS=$'\n' read -r -d '' snip_steps_84_out <<\ENDSNIP
pod-0084
ENDSNIP

snip_steps_85() {
printf '%s-%04d\n' pod 85
}

! IFS=$'\n' read -r -d '' snip_steps_85_out <<\ENDSNIP
pod-0085
ENDSNIP

snip_steps_86() {
printf '%s-%04d\n' pod 86
}

! IFS=$'\n' read -r -d '' snip_steps_86_out <<\ENDSNIP
pod-0086
ENDSNIP

snip_steps_87() {
printf '%s-%04d\n' pod 87
}

! IFS=$'\n' read -r -d '' snip_steps_87_out <<\ENDSNIP
pod-0087
ENDSNIP

snip_steps_88() {
printf '%s-%04d\n' pod 88
}

! IFS=$'\n' read -r -d '' snip_steps_88_out <<\ENDSNIP
pod-0088
ENDSNIP

snip_steps_89() {
printf '%s-%04d\n' pod 89
}

! IFS=$'\n' read -r -d '' snip_steps_89_out <<\ENDSNIP
pod-0089
ENDSNIP

snip_steps_90() {
printf '%s-%04d\n' pod 90
}

! IFS=$'\n' read -r -d '' snip_steps_90_out <<\ENDSNIP
pod-0090
ENDSNIP

snip_steps_91() {
printf '%s-%04d\n' pod 91
}

! IFS=$'\n' read -r -d '' snip_steps_91_out <<\ENDSNIP
pod-0091
ENDSNIP

snip_steps_92() {
printf '%s-%04d\n' pod 92
}

! IFS=$'\n' read -r -d '' snip_steps_92_out <<\ENDSNIP
pod-0092
ENDSNIP

snip_steps_93() {
printf '%s-%04d\n' pod 93
}

! IFS=$'\n' read -r -d '' snip_steps_93_out <<\ENDSNIP
pod-0093
ENDSNIP

snip_steps_94() {
printf '%s-%04d\n' pod 94
}

! IFS=$'\n' read -r -d '' snip_steps_94_out <<\ENDSNIP
pod-0094
ENDSNIP

snip_steps_95() {
printf '%s-%04d\n' pod 95
}

! IFS=$'\n' read -r -d '' snip_steps_95_out <<\ENDSNIP
pod-0095
ENDSNIP

snip_steps_96() {
printf '%s-%04d\n' pod 96
}

! IFS=$'\n' read -r -d '' snip_steps_96_out <<\ENDSNIP
pod-0096
ENDSNIP

snip_steps_97() {
printf '%s-%04d\n' pod 97
}

! IFS=$'\n' read -r -d '' snip_steps_97_out <<\ENDSNIP
pod-0097
ENDSNIP

snip_steps_98() {
printf '%s-%04d\n' pod 98
}

! IFS=$'\n' read -r -d '' snip_steps_98_out <<\ENDSNIP
pod-0098
ENDSNIP

snip_steps_99() {
printf '%s-%04d\n' pod 99
}

! IFS=$'\n' read -r -d '' snip_steps_99_out <<\ENDSNIP
pod-0099
ENDSNIP

snip_steps_100() {
printf '%s-%04d\n' pod 100
}

! IFS=$'\n' read -r -d '' snip_steps_100_out <<\ENDSNIP
pod-0100
ENDSNIP

snip_steps_101() {
printf '%s-%04d\n' pod 101
}

! IFS=$'\n' read -r -d '' snip_steps_101_out <<\ENDSNIP
pod-0101
ENDSNIP

snip_steps_102() {
printf '%s-%04d\n' pod 102
}

! IFS=$'\n' read -r -d '' snip_steps_102_out <<\ENDSNIP
pod-0102
ENDSNIP

snip_steps_103() {
printf '%s-%04d\n' pod 103
}

! IFS=$'\n' read -r -d '' snip_steps_103_out <<\ENDSNIP
pod-0103
ENDSNIP

snip_steps_104() {
printf '%s-%04d\n' pod 104
}

! IFS=$'\n' read -r -d '' snip_steps_104_out <<\ENDSNIP
pod-0104
ENDSNIP

snip_steps_105() {
printf '%s-%04d\n' pod 105
}

! IFS=$'\n' read -r -d '' snip_steps_105_out <<\ENDSNIP
pod-0105
ENDSNIP

snip_steps_106() {
printf '%s-%04d\n' pod 106
}

! IFS=$'\n' read -r -d '' snip_steps_106_out <<\ENDSNIP
pod-0106
ENDSNIP

snip_steps_107() {
printf '%s-%04d\n' pod 107
}

! IFS=$'\n' read -r -d '' snip_steps_107_out <<\ENDSNIP
pod-0107
ENDSNIP

snip_steps_108() {
printf '%s-%04d\n' pod 108
}

! IFS=$'\n' read -r -d '' snip_steps_108_out <<\ENDSNIP
pod-0108
ENDSNIP

snip_steps_109() {
printf '%s-%04d\n' pod 109
}

! IFS=$'\n' read -r -d '' snip_steps_109_out <<\ENDSNIP
pod-0109
ENDSNIP

snip_steps_110() {
printf '%s-%04d\n' pod 110
}

! IFS=$'\n' read -r -d '' snip_steps_110_out <<\ENDSNIP
pod-0110
ENDSNIP

snip_steps_111() {
printf '%s-%04d\n' pod 111
}

! IFS=$'\n' read -r -d '' snip_steps_111_out <<\ENDSNIP
pod-0111
ENDSNIP

snip_steps_112() {
printf '%s-%04d\n' pod 112
}

! IFS=$'\n' read -r -d '' snip_steps_112_out <<\ENDSNIP
pod-0112
ENDSNIP

snip_steps_113() {
printf '%s-%04d\n' pod 113
}

! IFS=$'\n' read -r -d '' snip_steps_113_out <<\ENDSNIP
pod-0113
ENDSNIP

snip_steps_114() {
printf '%s-%04d\n' pod 114
}

! IFS=$'\n' read -r -d '' snip_steps_114_out <<\ENDSNIP
pod-0114
ENDSNIP

snip_steps_115() {
printf '%s-%04d\n' pod 115
}

! IFS=$'\n' read -r -d '' snip_steps_115_out <<\ENDSNIP
pod-0115
ENDSNIP

snip_steps_116() {
printf '%s-%04d\n' pod 116
}

! IFS=$'\n' read -r -d '' snip_steps_116_out <<\ENDSNIP
pod-0116
ENDSNIP

snip_steps_117() {
printf '%s-%04d\n' pod 117
}

! IFS=$'\n' read -r -d '' snip_steps_117_out <<\ENDSNIP
pod-0117
ENDSNIP

snip_steps_118() {
printf '%s-%04d\n' pod 118
}

! IFS=$'\n' read -r -d '' snip_steps_118_out <<\ENDSNIP
pod-0118
ENDSNIP

snip_steps_119() {
printf '%s-%04d\n' pod 119
}

! IFS=$'\n' read -r -d '' snip_steps_119_out <<\ENDSNIP
pod-0119
ENDSNIP

snip_steps_120() {
printf '%s-%04d\n' pod 120
}

! IFS=$'\n' read -r -d '' snip_steps_120_out <<\ENDSNIP
pod-0120
ENDSNIP

snip_steps_121() {
printf '%s-%04d\n' pod 121
}

! IFS=$'\n' read -r -d '' snip_steps_121_out <<\ENDSNIP
pod-0121
ENDSNIP

snip_steps_122() {
printf '%s-%04d\n' pod 122
}

! IFS=$'\n' read -r -d '' snip_steps_122_out <<\ENDSNIP
pod-0122
ENDSNIP

snip_steps_123() {
printf '%s-%04d\n' pod 123
}

! IFS=$'\n' read -r -d '' snip_steps_123_out <<\ENDSNIP
pod-0123
ENDSNIP

snip_steps_124() {
printf '%s-%04d\n' pod 124
}

! IFS=$'\n' read -r -d '' snip_steps_124_out <<\ENDSNIP
pod-0124
ENDSNIP

snip_steps_125() {
printf '%s-%04d\n' pod 125
}

! IFS=$'\n' read -r -d '' snip_steps_125_out <<\ENDSNIP
pod-0125
ENDSNIP

snip_steps_126() {
printf '%s-%04d\n' pod 126
}

! IFS=$'\n' read -r -d '' snip_steps_126_out <<\ENDSNIP
pod-0126
ENDSNIP

snip_steps_127() {
printf '%s-%04d\n' pod 127
}

! IFS=$'\n' read -r -d '' snip_steps_127_out <<\ENDSNIP
pod-0127
ENDSNIP

snip_steps_128() {
printf '%s-%04d\n' pod 128
}

! IFS=$'\n' read -r -d '' snip_steps_128_out <<\ENDSNIP
pod-0128
ENDSNIP

snip_steps_129() {
printf '%s-%04d\n' pod 129
}

! IFS=$'\n' read -r -d '' snip_steps_129_out <<\ENDSNIP
pod-0129
ENDSNIP

snip_steps_130() {
printf '%s-%04d\n' pod 130
}

! IFS=$'\n' read -r -d '' snip_steps_130_out <<\ENDSNIP
pod-0130
ENDSNIP

snip_steps_131() {
printf '%s-%04d\n' pod 131
}

! IFS=$'\n' read -r -d '' snip_steps_131_out <<\ENDSNIP
pod-0131
ENDSNIP

snip_steps_132() {
printf '%s-%04d\n' pod 132
}

! IFS=$'\n' read -r -d '' snip_steps_132_out <<\ENDSNIP
pod-0132
ENDSNIP

snip_steps_133() {
printf '%s-%04d\n' pod 133
}

! IFS=$'\n' read -r -d '' snip_steps_133_out <<\ENDSNIP
pod-0133
ENDSNIP

snip_steps_134() {
printf '%s-%04d\n' pod 134
}

! IFS=$'\n' read -r -d '' snip_steps_134_out <<\ENDSNIP
pod-0134
ENDSNIP

snip_steps_135() {
printf '%s-%04d\n' pod 135
}

! IFS=$'\n' read -r -d '' snip_steps_135_out <<\ENDSNIP
pod-0135
ENDSNIP

snip_steps_136() {
printf '%s-%04d\n' pod 136
}

! IFS=$'\n' read -r -d '' snip_steps_136_out <<\ENDSNIP
pod-0136
ENDSNIP

snip_steps_137() {
printf '%s-%04d\n' pod 137
}

! IFS=$'\n' read -r -d '' snip_steps_137_out <<\ENDSNIP
pod-0137
ENDSNIP

snip_steps_138() {
printf '%s-%04d\n' pod 138
}

! IFS=$'\n' read -r -d '' snip_steps_138_out <<\ENDSNIP
pod-0138
ENDSNIP

snip_steps_139() {
printf '%s-%04d\n' pod 139
}

! IFS=$'\n' read -r -d '' snip_steps_139_out <<\ENDSNIP
pod-0139
ENDSNIP

snip_steps_140() {
printf '%s-%04d\n' pod 140
}

! IFS=$'\n' read -r -d '' snip_steps_140_out <<\ENDSNIP
pod-0140
ENDSNIP

snip_steps_141() {
printf '%s-%04d\n' pod 141
}

! IFS=$'\n' read -r -d '' snip_steps_141_out <<\ENDSNIP
pod-0141
ENDSNIP

snip_steps_142() {
printf '%s-%04d\n' pod 142
}

! IFS=$'\n' read -r -d '' snip_steps_142_out <<\ENDSNIP
pod-0142
ENDSNIP

snip_steps_143() {
printf '%s-%04d\n' pod 143
}

! IFS=$'\n' read -r -d '' snip_steps_143_out <<\ENDSNIP
pod-0143
ENDSNIP

snip_steps_144() {
printf '%s-%04d\n' pod 144
}

! IFS=$'\n' read -r -d '' snip_steps_144_out <<\ENDSNIP
pod-0144
ENDSNIP

snip_steps_145() {
printf '%s-%04d\n' pod 145
}

! IFS=$'\n' read -r -d '' snip_steps_145_out <<\ENDSNIP
pod-0145
ENDSNIP

snip_steps_146() {
printf '%s-%04d\n' pod 146
}

! IFS=$'\n' read -r -d '' snip_steps_146_out <<\ENDSNIP
pod-0146
ENDSNIP

snip_steps_147() {
printf '%s-%04d\n' pod 147
}

! IFS=$'\n' read -r -d '' snip_steps_147_out <<\ENDSNIP
pod-0147
ENDSNIP

snip_steps_148() {
printf '%s-%04d\n' pod 148
}

! IFS=$'\n' read -r -d '' snip_steps_148_out <<\ENDSNIP
pod-0148
ENDSNIP

snip_steps_149() {
printf '%s-%04d\n' pod 149
}

! IFS=$'\n' read -r -d '' snip_steps_149_out <<\ENDSNIP
pod-0149
ENDSNIP

snip_steps_150() {
printf '%s-%04d\n' pod 150
}

! IFS=$'\n' read -r -d '' snip_steps_150_out <<\ENDSNIP
pod-0150
ENDSNIP

snip_steps_151() {
printf '%s-%04d\n' pod 151
}

! IFS=$'\n' read -r -d '' snip_steps_151_out <<\ENDSNIP
pod-0151
ENDSNIP

snip_steps_152() {
printf '%s-%04d\n' pod 152
}

! IFS=$'\n' read -r -d '' snip_steps_152_out <<\ENDSNIP
pod-0152
ENDSNIP

snip_steps_153() {
printf '%s-%04d\n' pod 153
}

! IFS=$'\n' read -r -d '' snip_steps_153_out <<\ENDSNIP
pod-0153
ENDSNIP

snip_steps_154() {
printf '%s-%04d\n' pod 154
}

! IFS=$'\n' read -r -d '' snip_steps_154_out <<\ENDSNIP
pod-0154
ENDSNIP

snip_steps_155() {
printf '%s-%04d\n' pod 155
}

! IFS=$'\n' read -r -d '' snip_steps_155_out <<\ENDSNIP
pod-0155
ENDSNIP

snip_steps_156() {
printf '%s-%04d\n' pod 156
}

! IFS=$'\n' read -r -d '' snip_steps_156_out <<\ENDSNIP
pod-0156
ENDSNIP

snip_steps_157() {
printf '%s-%04d\n' pod 157
}

! IFS=$'\n' read -r -d '' snip_steps_157_out <<\ENDSNIP
pod-0157
ENDSNIP

snip_steps_158() {
printf '%s-%04d\n' pod 158
}

! IFS=$'\n' read -r -d '' snip_steps_158_out <<\ENDSNIP
pod-0158
ENDSNIP

snip_steps_159() {
printf '%s-%04d\n' pod 159
}

! IFS=$'\n' read -r -d '' snip_steps_159_out <<\ENDSNIP
pod-0159
ENDSNIP

snip_steps_160() {
printf '%s-%04d\n' pod 160
}

! IFS=$'\n' read -r -d '' snip_steps_160_out <<\ENDSNIP
pod-0160
ENDSNIP

snip_steps_161() {
printf '%s-%04d\n' pod 161
}

! IFS=$'\n' read -r -d '' snip_steps_161_out <<\ENDSNIP
pod-0161
ENDSNIP

snip_steps_162() {
printf '%s-%04d\n' pod 162
}

! IFS=$'\n' read -r -d '' snip_steps_162_out <<\ENDSNIP
pod-0162
ENDSNIP

snip_steps_163() {
printf '%s-%04d\n' pod 163
}

! IFS=$'\n' read -r -d '' snip_steps_163_out <<\ENDSNIP
pod-0163
ENDSNIP

snip_steps_164() {
printf '%s-%04d\n' pod 164
}

! IFS=$'\n' read -r -d '' snip_steps_164_out <<\ENDSNIP
pod-0164
ENDSNIP

snip_steps_165() {
printf '%s-%04d\n' pod 165
}

! IFS=$'\n' read -r -d '' snip_steps_165_out <<\ENDSNIP
pod-0165
ENDSNIP

snip_steps_166() {
printf '%s-%04d\n' pod 166
}

! IFS=$'\n' read -r -d '' snip_steps_166_out <<\ENDSNIP
pod-0166
ENDSNIP

snip_steps_167() {
printf '%s-%04d\n' pod 167
}

! IFS=$'\n' read -r -d '' snip_steps_167_out <<\ENDSNIP
pod-0167
ENDSNIP

snip_steps_168() {
printf '%s-%04d\n' pod 168
}

! IFS=$'\n' read -r -d '' snip_steps_168_out <<\ENDSNIP
pod-0168
ENDSNIP

snip_steps_169() {
printf '%s-%04d\n' pod 169
}

! IFS=$'\n' read -r -d '' snip_steps_169_out <<\ENDSNIP
pod-0169
ENDSNIP

snip_steps_170() {
printf '%s-%04d\n' pod 170
}

! IFS=$'\n' read -r -d '' snip_steps_170_out <<\ENDSNIP
pod-0170
ENDSNIP

snip_steps_171() {
printf '%s-%04d\n' pod 171
}

! IFS=$'\n' read -r -d '' snip_steps_171_out <<\ENDSNIP
pod-0171
ENDSNIP

snip_steps_172() {
printf '%s-%04d\n' pod 172
}

! IFS=$'\n' read -r -d '' snip_steps_172_out <<\ENDSNIP
pod-0172
ENDSNIP

snip_steps_173() {
printf '%s-%04d\n' pod 173
}

! IFS=$'\n' read -r -d '' snip_steps_173_out <<\ENDSNIP
pod-0173
ENDSNIP

snip_steps_174() {
printf '%s-%04d\n' pod 174
}

! IFS=$'\n' read -r -d '' snip_steps_174_out <<\ENDSNIP
pod-0174
ENDSNIP

snip_steps_175() {
printf '%s-%04d\n' pod 175
}

! IFS=$'\n' read -r -d '' snip_steps_175_out <<\ENDSNIP
pod-0175
ENDSNIP

snip_steps_176() {
printf '%s-%04d\n' pod 176
}

! IFS=$'\n' read -r -d '' snip_steps_176_out <<\ENDSNIP
pod-0176
ENDSNIP

snip_steps_177() {
printf '%s-%04d\n' pod 177
}

! IFS=$'\n' read -r -d '' snip_steps_177_out <<\ENDSNIP
pod-0177
ENDSNIP

snip_steps_178() {
printf '%s-%04d\n' pod 178
}

! IFS=$'\n' read -r -d '' snip_steps_178_out <<\ENDSNIP
pod-0178
ENDSNIP

snip_steps_179() {
printf '%s-%04d\n' pod 179
}

! IFS=$'\n' read -r -d '' snip_steps_179_out <<\ENDSNIP
pod-0179
ENDSNIP

snip_steps_180() {
printf '%s-%04d\n' pod 180
}

! IFS=$'\n' read -r -d '' snip_steps_180_out <<\ENDSNIP
pod-0180
ENDSNIP

snip_steps_181() {
printf '%s-%04d\n' pod 181
}

! IFS=$'\n' read -r -d '' snip_steps_181_out <<\ENDSNIP
pod-0181
ENDSNIP

snip_steps_182() {
printf '%s-%04d\n' pod 182
}

! IFS=$'\n' read -r -d '' snip_steps_182_out <<\ENDSNIP
pod-0182
ENDSNIP

snip_steps_183() {
printf '%s-%04d\n' pod 183
}

! IFS=$'\n' read -r -d '' snip_steps_183_out <<\ENDSNIP
pod-0183
ENDSNIP

snip_steps_184() {
printf '%s-%04d\n' pod 184
}

! IFS=$'\n' read -r -d '' snip_steps_184_out <<\ENDSNIP
pod-0184
ENDSNIP

snip_steps_185() {
printf '%s-%04d\n' pod 185
}

! IFS=$'\n' read -r -d '' snip_steps_185_out <<\ENDSNIP
pod-0185
ENDSNIP

snip_steps_186() {
printf '%s-%04d\n' pod 186
}

! IFS=$'\n' read -r -d '' snip_steps_186_out <<\ENDSNIP
pod-0186
ENDSNIP

snip_steps_187() {
printf '%s-%04d\n' pod 187
}

! IFS=$'\n' read -r -d '' snip_steps_187_out <<\ENDSNIP
pod-0187
ENDSNIP

snip_steps_188() {
printf '%s-%04d\n' pod 188
}

! IFS=$'\n' read -r -d '' snip_steps_188_out <<\ENDSNIP
pod-0188
ENDSNIP

snip_steps_189() {
printf '%s-%04d\n' pod 189
}

! IFS=$'\n' read -r -d '' snip_steps_189_out <<\ENDSNIP
pod-0189
ENDSNIP

snip_steps_190() {
printf '%s-%04d\n' pod 190
}

! IFS=$'\n' read -r -d '' snip_steps_190_out <<\ENDSNIP
pod-0190
ENDSNIP

snip_steps_191() {
printf '%s-%04d\n' pod 191
}

! IFS=$'\n' read -r -d '' snip_steps_191_out <<\ENDSNIP
pod-0191
ENDSNIP

snip_steps_192() {
printf '%s-%04d\n' pod 192
}

! IFS=$'\n' read -r -d '' snip_steps_192_out <<\ENDSNIP
pod-0192
ENDSNIP

snip_steps_193() {
printf '%s-%04d\n' pod 193
}

! IFS=$'\n' read -r -d '' snip_steps_193_out <<\ENDSNIP
pod-0193
ENDSNIP

snip_steps_194() {
printf '%s-%04d\n' pod 194
}

! IFS=$'\n' read -r -d '' snip_steps_194_out <<\ENDSNIP
pod-0194
ENDSNIP

snip_steps_195() {
printf '%s-%04d\n' pod 195
}

! IFS=$'\n' read -r -d '' snip_steps_195_out <<\ENDSNIP
pod-0195
ENDSNIP

snip_steps_196() {
printf '%s-%04d\n' pod 196
}

! IFS=$'\n' read -r -d '' snip_steps_196_out <<\ENDSNIP
pod-0196
ENDSNIP

snip_steps_197() {
printf '%s-%04d\n' pod 197
}

! IFS=$'\n' read -r -d '' snip_steps_197_out <<\ENDSNIP
pod-0197
ENDSNIP

snip_steps_198() {
printf '%s-%04d\n' pod 198
}

! IFS=$'\n' read -r -d '' snip_steps_198_out <<\ENDSNIP
pod-0198
ENDSNIP

snip_steps_199() {
printf '%s-%04d\n' pod 199
}

! IFS=$'\n' read -r -d '' snip_steps_199_out <<\ENDSNIP
pod-0199
ENDSNIP

snip_steps_200() {
printf '%s-%04d\n' pod 200
}

! IFS=$'\n' read -r -d '' snip_steps_200_out <<\ENDSNIP
pod-0200
ENDSNIP

snip_steps_201() {
printf '%s-%04d\n' pod 201
}

! IFS=$'\n' read -r -d '' snip_steps_201_out <<\ENDSNIP
pod-0201
ENDSNIP

snip_steps_202() {
printf '%s-%04d\n' pod 202
}

! IFS=$'\n' read -r -d '' snip_steps_202_out <<\ENDSNIP
pod-0202
ENDSNIP

snip_steps_203() {
printf '%s-%04d\n' pod 203
}

! IFS=$'\n' read -r -d '' snip_steps_203_out <<\ENDSNIP
pod-0203
ENDSNIP

snip_steps_204() {
printf '%s-%04d\n' pod 204
}

! IFS=$'\n' read -r -d '' snip_steps_204_out <<\ENDSNIP
pod-0204
ENDSNIP

snip_steps_205() {
printf '%s-%04d\n' pod 205
}

! IFS=$'\n' read -r -d '' snip_steps_205_out <<\ENDSNIP
pod-0205
ENDSNIP

snip_steps_206() {
printf '%s-%04d\n' pod 206
}

! IFS=$'\n' read -r -d '' snip_steps_206_out <<\ENDSNIP
pod-0206
ENDSNIP

snip_steps_207() {
printf '%s-%04d\n' pod 207
}

! IFS=$'\n' read -r -d '' snip_steps_207_out <<\ENDSNIP
pod-0207
ENDSNIP

snip_steps_208() {
printf '%s-%04d\n' pod 208
}

! IFS=$'\n' read -r -d '' snip_steps_208_out <<\ENDSNIP
pod-0208
ENDSNIP

snip_steps_209() {
printf '%s-%04d\n' pod 209
}

! IFS=$'\n' read -r -d '' snip_steps_209_out <<\ENDSNIP
pod-0209
ENDSNIP

snip_steps_210() {
printf '%s-%04d\n' pod 210
}

! IFS=$'\n' read -r -d '' snip_steps_210_out <<\ENDSNIP
pod-0210
ENDSNIP

snip_steps_211() {
printf '%s-%04d\n' pod 211
}

! IFS=$'\n' read -r -d '' snip_steps_211_out <<\ENDSNIP
pod-0211
ENDSNIP

snip_steps_212() {
printf '%s-%04d\n' pod 212
}

! IFS=$'\n' read -r -d '' snip_steps_212_out <<\ENDSNIP
pod-0212
ENDSNIP

snip_steps_213() {
printf '%s-%04d\n' pod 213
}

! IFS=$'\n' read -r -d '' snip_steps_213_out <<\ENDSNIP
pod-0213
ENDSNIP

snip_steps_214() {
printf '%s-%04d\n' pod 214
}

! IFS=$'\n' read -r -d '' snip_steps_214_out <<\ENDSNIP
pod-0214
ENDSNIP

snip_steps_215() {
printf '%s-%04d\n' pod 215
}

! IFS=$'\n' read -r -d '' snip_steps_215_out <<\ENDSNIP
pod-0215
ENDSNIP

snip_steps_216() {
printf '%s-%04d\n' pod 216
}

! IFS=$'\n' read -r -d '' snip_steps_216_out <<\ENDSNIP
pod-0216
ENDSNIP

snip_steps_217() {
printf '%s-%04d\n' pod 217
}

! IFS=$'\n' read -r -d '' snip_steps_217_out <<\ENDSNIP
pod-0217
ENDSNIP

snip_steps_218() {
printf '%s-%04d\n' pod 218
}

! IFS=$'\n' read -r -d '' snip_steps_218_out <<\ENDSNIP
pod-0218
ENDSNIP

snip_steps_219() {
printf '%s-%04d\n' pod 219
}

! IFS=$'\n' read -r -d '' snip_steps_219_out <<\ENDSNIP
pod-0219
ENDSNIP

snip_steps_220() {
printf '%s-%04d\n' pod 220
}

! IFS=$'\n' read -r -d '' snip_steps_220_out <<\ENDSNIP
pod-0220
ENDSNIP

snip_steps_221() {
printf '%s-%04d\n' pod 221
}

! IFS=$'\n' read -r -d '' snip_steps_221_out <<\ENDSNIP
pod-0221
ENDSNIP

snip_steps_222() {
printf '%s-%04d\n' pod 222
}

! IFS=$'\n' read -r -d '' snip_steps_222_out <<\ENDSNIP
pod-0222
ENDSNIP

snip_steps_223() {
printf '%s-%04d\n' pod 223
}

! IFS=$'\n' read -r -d '' snip_steps_223_out <<\ENDSNIP
pod-0223
ENDSNIP

snip_steps_224() {
printf '%s-%04d\n' pod 224
}

! IFS=$'\n' read -r -d '' snip_steps_224_out <<\ENDSNIP
pod-0224
ENDSNIP

snip_steps_225() {
printf '%s-%04d\n' pod 225
}

! IFS=$'\n' read -r -d '' snip_steps_225_out <<\ENDSNIP
pod-0225
ENDSNIP

snip_steps_226() {
printf '%s-%04d\n' pod 226
}

! IFS=$'\n' read -r -d '' snip_steps_226_out <<\ENDSNIP
pod-0226
ENDSNIP

snip_steps_227() {
printf '%s-%04d\n' pod 227
}

! IFS=$'\n' read -r -d '' snip_steps_227_out <<\ENDSNIP
pod-0227
ENDSNIP

snip_steps_228() {
printf '%s-%04d\n' pod 228
}

! IFS=$'\n' read -r -d '' snip_steps_228_out <<\ENDSNIP
pod-0228
ENDSNIP

snip_steps_229() {
printf '%s-%04d\n' pod 229
}

! IFS=$'\n' read -r -d '' snip_steps_229_out <<\ENDSNIP
pod-0229
ENDSNIP

snip_steps_230() {
printf '%s-%04d\n' pod 230
}

! IFS=$'\n' read -r -d '' snip_steps_230_out <<\ENDSNIP
pod-0230
ENDSNIP

snip_steps_231() {
printf '%s-%04d\n' pod 231
}

! IFS=$'\n' read -r -d '' snip_steps_231_out <<\ENDSNIP
pod-0231
ENDSNIP

snip_steps_232() {
printf '%s-%04d\n' pod 232
}

! IFS=$'\n' read -r -d '' snip_steps_232_out <<\ENDSNIP
pod-0232
ENDSNIP

snip_steps_233() {
printf '%s-%04d\n' pod 233
}

! IFS=$'\n' read -r -d '' snip_steps_233_out <<\ENDSNIP
pod-0233
ENDSNIP

snip_steps_234() {
printf '%s-%04d\n' pod 234
}

! IFS=$'\n' read -r -d '' snip_steps_234_out <<\ENDSNIP
pod-0234
ENDSNIP

snip_steps_235() {
printf '%s-%04d\n' pod 235
}

! IFS=$'\n' read -r -d '' snip_steps_235_out <<\ENDSNIP
pod-0235
ENDSNIP

snip_steps_236() {
printf '%s-%04d\n' pod 236
}

! IFS=$'\n' read -r -d '' snip_steps_236_out <<\ENDSNIP
pod-0236
ENDSNIP

snip_steps_237() {
printf '%s-%04d\n' pod 237
}

! IFS=$'\n' read -r -d '' snip_steps_237_out <<\ENDSNIP
pod-0237
ENDSNIP

snip_steps_238() {
printf '%s-%04d\n' pod 238
}

! IFS=$'\n' read -r -d '' snip_steps_238_out <<\ENDSNIP
pod-0238
ENDSNIP

snip_steps_239() {
printf '%s-%04d\n' pod 239
}

! IFS=$'\n' read -r -d '' snip_steps_239_out <<\ENDSNIP
pod-0239
ENDSNIP

snip_steps_240() {
printf '%s-%04d\n' pod 240
}

! IFS=$'\n' read -r -d '' snip_steps_240_out <<\ENDSNIP
pod-0240
ENDSNIP

snip_steps_241() {
printf '%s-%04d\n' pod 241
}

! IFS=$'\n' read -r -d '' snip_steps_241_out <<\ENDSNIP
pod-0241
ENDSNIP

snip_steps_242() {
printf '%s-%04d\n' pod 242
}

! IFS=$'\n' read -r -d '' snip_steps_242_out <<\ENDSNIP
pod-0242
ENDSNIP

snip_steps_243() {
printf '%s-%04d\n' pod 243
}

! IFS=$'\n' read -r -d '' snip_steps_243_out <<\ENDSNIP
pod-0243
ENDSNIP

snip_steps_244() {
printf '%s-%04d\n' pod 244
}

! IFS=$'\n' read -r -d '' snip_steps_244_out <<\ENDSNIP
pod-0244
ENDSNIP

snip_steps_245() {
printf '%s-%04d\n' pod 245
}

! IFS=$'\n' read -r -d '' snip_steps_245_out <<\ENDSNIP
pod-0245
ENDSNIP

snip_steps_246() {
printf '%s-%04d\n' pod 246
}

! IFS=$'\n' read -r -d '' snip_steps_246_out <<\ENDSNIP
pod-0246
ENDSNIP

snip_steps_247() {
printf '%s-%04d\n' pod 247
}

! IFS=$'\n' read -r -d '' snip_steps_247_out <<\ENDSNIP
pod-0247
ENDSNIP

snip_steps_248() {
printf '%s-%04d\n' pod 248
}

! IFS=$'\n' read -r -d '' snip_steps_248_out <<\ENDSNIP
pod-0248
ENDSNIP

snip_steps_249() {
printf '%s-%04d\n' pod 249
}

! IFS=$'\n' read -r -d '' snip_steps_249_out <<\ENDSNIP
pod-0249
ENDSNIP

snip_steps_250() {
printf '%s-%04d\n' pod 250
}

! IFS=$'\n' read -r -d '' snip_steps_250_out <<\ENDSNIP
pod-0250
ENDSNIP

snip_steps_251() {
printf '%s-%04d\n' pod 251
}

! IFS=$'\n' read -r -d '' snip_steps_251_out <<\ENDSNIP
pod-0251
ENDSNIP

snip_steps_252() {
printf '%s-%04d\n' pod 252
}

! IFS=$'\n' read -r -d '' snip_steps_252_out <<\ENDSNIP
pod-0252
ENDSNIP

snip_steps_253() {
printf '%s-%04d\n' pod 253
}

! IFS=$'\n' read -r -d '' snip_steps_253_out <<\ENDSNIP
pod-0253
ENDSNIP

snip_steps_254() {
printf '%s-%04d\n' pod 254
}

! IFS=$'\n' read -r -d '' snip_steps_254_out <<\ENDSNIP
pod-0254
ENDSNIP

snip_steps_255() {
printf '%s-%04d\n' pod 255
}

! IFS=$'\n' read -r -d '' snip_steps_255_out <<\ENDSNIP
pod-0255
ENDSNIP

snip_steps_256() {
printf '%s-%04d\n' pod 256
}

! IFS=$'\n' read -r -d '' snip_steps_256_out <<\ENDSNIP
pod-0256
ENDSNIP

snip_steps_257() {
printf '%s-%04d\n' pod 257
}

! IFS=$'\n' read -r -d '' snip_steps_257_out <<\ENDSNIP
pod-0257
ENDSNIP

snip_steps_258() {
printf '%s-%04d\n' pod 258
}

! IFS=$'\n' read -r -d '' snip_steps_258_out <<\ENDSNIP
pod-0258
ENDSNIP

snip_steps_259() {
printf '%s-%04d\n' pod 259
}

! IFS=$'\n' read -r -d '' snip_steps_259_out <<\ENDSNIP
pod-0259
ENDSNIP

snip_steps_260() {
printf '%s-%04d\n' pod 260
}

! IFS=$'\n' read -r -d '' snip_steps_260_out <<\ENDSNIP
pod-0260
ENDSNIP

snip_steps_261() {
printf '%s-%04d\n' pod 261
}

! IFS=$'\n' read -r -d '' snip_steps_261_out <<\ENDSNIP
pod-0261
ENDSNIP

snip_steps_262() {
printf '%s-%04d\n' pod 262
}

! IFS=$'\n' read -r -d '' snip_steps_262_out <<\ENDSNIP
pod-0262
ENDSNIP

snip_steps_263() {
printf '%s-%04d\n' pod 263
}

! IFS=$'\n' read -r -d '' snip_steps_263_out <<\ENDSNIP
pod-0263
ENDSNIP

snip_steps_264() {
printf '%s-%04d\n' pod 264
}

! IFS=$'\n' read -r -d '' snip_steps_264_out <<\ENDSNIP
pod-0264
ENDSNIP

snip_steps_265() {
printf '%s-%04d\n' pod 265
}

! IFS=$'\n' read -r -d '' snip_steps_265_out <<\ENDSNIP
pod-0265
ENDSNIP

snip_steps_266() {
printf '%s-%04d\n' pod 266
}

! IFS=$'\n' read -r -d '' snip_steps_266_out <<\ENDSNIP
pod-0266
ENDSNIP

snip_steps_267() {
printf '%s-%04d\n' pod 267
}

! IFS=$'\n' read -r -d '' snip_steps_267_out <<\ENDSNIP
pod-0267
ENDSNIP

snip_steps_268() {
printf '%s-%04d\n' pod 268
}

! IFS=$'\n' read -r -d '' snip_steps_268_out <<\ENDSNIP
pod-0268
ENDSNIP

snip_steps_269() {
printf '%s-%04d\n' pod 269
}

! IFS=$'\n' read -r -d '' snip_steps_269_out <<\ENDSNIP
pod-0269
ENDSNIP

snip_steps_270() {
printf '%s-%04d\n' pod 270
}

! IFS=$'\n' read -r -d '' snip_steps_270_out <<\ENDSNIP
pod-0270
ENDSNIP

snip_steps_271() {
printf '%s-%04d\n' pod 271
}

! IFS=$'\n' read -r -d '' snip_steps_271_out <<\ENDSNIP
pod-0271
ENDSNIP

snip_steps_272() {
printf '%s-%04d\n' pod 272
}

! IFS=$'\n' read -r -d '' snip_steps_272_out <<\ENDSNIP
pod-0272
ENDSNIP

snip_steps_273() {
printf '%s-%04d\n' pod 273
}

! IFS=$'\n' read -r -d '' snip_steps_273_out <<\ENDSNIP
pod-0273
ENDSNIP

snip_steps_274() {
printf '%s-%04d\n' pod 274
}

! IFS=$'\n' read -r -d '' snip_steps_274_out <<\ENDSNIP
pod-0274
ENDSNIP

snip_steps_275() {
printf '%s-%04d\n' pod 275
}

! IFS=$'\n' read -r -d '' snip_steps_275_out <<\ENDSNIP
pod-0275
ENDSNIP

snip_steps_276() {
printf '%s-%04d\n' pod 276
}

! IFS=$'\n' read -r -d '' snip_steps_276_out <<\ENDSNIP
pod-0276
ENDSNIP

snip_steps_277() {
printf '%s-%04d\n' pod 277
}

! IFS=$'\n' read -r -d '' snip_steps_277_out <<\ENDSNIP
pod-0277
ENDSNIP

snip_steps_278() {
printf '%s-%04d\n' pod 278
}

! IFS=$'\n' read -r -d '' snip_steps_278_out <<\ENDSNIP
pod-0278
ENDSNIP

snip_steps_279() {
printf '%s-%04d\n' pod 279
}

! IFS=$'\n' read -r -d '' snip_steps_279_out <<\ENDSNIP
pod-0279
ENDSNIP

snip_steps_280() {
printf '%s-%04d\n' pod 280
}

! IFS=$'\n' read -r -d '' snip_steps_280_out <<\ENDSNIP
pod-0280
ENDSNIP

snip_steps_281() {
printf '%s-%04d\n' pod 281
}

! IFS=$'\n' read -r -d '' snip_steps_281_out <<\ENDSNIP
pod-0281
ENDSNIP

snip_steps_282() {
printf '%s-%04d\n' pod 282
}

! IFS=$'\n' read -r -d '' snip_steps_282_out <<\ENDSNIP
pod-0282
ENDSNIP

snip_steps_283() {
printf '%s-%04d\n' pod 283
}

! IFS=$'\n' read -r -d '' snip_steps_283_out <<\ENDSNIP
pod-0283
ENDSNIP

snip_steps_284() {
printf '%s-%04d\n' pod 284
}

! IFS=$'\n' read -r -d '' snip_steps_284_out <<\ENDSNIP
pod-0284
ENDSNIP

snip_steps_285() {
printf '%s-%04d\n' pod 285
}

! IFS=$'\n' read -r -d '' snip_steps_285_out <<\ENDSNIP
pod-0285
ENDSNIP

snip_steps_286() {
printf '%s-%04d\n' pod 286
}

! IFS=$'\n' read -r -d '' snip_steps_286_out <<\ENDSNIP
pod-0286
ENDSNIP

snip_steps_287() {
printf '%s-%04d\n' pod 287
}

! IFS=$'\n' read -r -d '' snip_steps_287_out <<\ENDSNIP
pod-0287
ENDSNIP

snip_steps_288() {
printf '%s-%04d\n' pod 288
}

! IFS=$'\n' read -r -d '' snip_steps_288_out <<\ENDSNIP
pod-0288
ENDSNIP

snip_steps_289() {
printf '%s-%04d\n' pod 289
}

! IFS=$'\n' read -r -d '' snip_steps_289_out <<\ENDSNIP
pod-0289
ENDSNIP

snip_steps_290() {
printf '%s-%04d\n' pod 290
}

! IFS=$'\n' read -r -d '' snip_steps_290_out <<\ENDSNIP
pod-0290
ENDSNIP

snip_steps_291() {
printf '%s-%04d\n' pod 291
}

! IFS=$'\n' read -r -d '' snip_steps_291_out <<\ENDSNIP
pod-0291
ENDSNIP

snip_steps_292() {
printf '%s-%04d\n' pod 292
}

! IFS=$'\n' read -r -d '' snip_steps_292_out <<\ENDSNIP
pod-0292
ENDSNIP

snip_steps_293() {
printf '%s-%04d\n' pod 293
}

! IFS=$'\n' read -r -d '' snip_steps_293_out <<\ENDSNIP
pod-0293
ENDSNIP

snip_steps_294() {
printf '%s-%04d\n' pod 294
}

! IFS=$'\n' read -r -d '' snip_steps_294_out <<\ENDSNIP
pod-0294
ENDSNIP

snip_steps_295() {
printf '%s-%04d\n' pod 295
}

! IFS=$'\n' read -r -d '' snip_steps_295_out <<\ENDSNIP
pod-0295
ENDSNIP

snip_steps_296() {
printf '%s-%04d\n' pod 296
}

! IFS=$'\n' read -r -d '' snip_steps_296_out <<\ENDSNIP
pod-0296
ENDSNIP

snip_steps_297() {
printf '%s-%04d\n' pod 297
}

! IFS=$'\n' read -r -d '' snip_steps_297_out <<\ENDSNIP
pod-0297
ENDSNIP

snip_steps_298() {
printf '%s-%04d\n' pod 298
}

! IFS=$'\n' read -r -d '' snip_steps_298_out <<\ENDSNIP
pod-0298
ENDSNIP

snip_steps_299() {
printf '%s-%04d\n' pod 299
}

! IFS=$'\n' read -r -d '' snip_steps_299_out <<\ENDSNIP
pod-0299
ENDSNIP

snip_steps_300() {
printf '%s-%04d\n' pod 300
}

! IFS=$'\n' read -r -d '' snip_steps_300_out <<\ENDSNIP
pod-0300
ENDSNIP

snip_steps_301() {
printf '%s-%04d\n' pod 301
}

! IFS=$'\n' read -r -d '' snip_steps_301_out <<\ENDSNIP
pod-0301
ENDSNIP

snip_steps_302() {
printf '%s-%04d\n' pod 302
}

! IFS=$'\n' read -r -d '' snip_steps_302_out <<\ENDSNIP
pod-0302
ENDSNIP

snip_steps_303() {
printf '%s-%04d\n' pod 303
}

! IFS=$'\n' read -r -d '' snip_steps_303_out <<\ENDSNIP
pod-0303
ENDSNIP

snip_steps_304() {
printf '%s-%04d\n' pod 304
}

! IFS=$'\n' read -r -d '' snip_steps_304_out <<\ENDSNIP
pod-0304
ENDSNIP

snip_steps_305() {
printf '%s-%04d\n' pod 305
}

! IFS=$'\n' read -r -d '' snip_steps_305_out <<\ENDSNIP
pod-0305
ENDSNIP

snip_steps_306() {
printf '%s-%04d\n' pod 306
}

! IFS=$'\n' read -r -d '' snip_steps_306_out <<\ENDSNIP
pod-0306
ENDSNIP

snip_steps_307() {
printf '%s-%04d\n' pod 307
}

! IFS=$'\n' read -r -d '' snip_steps_307_out <<\ENDSNIP
pod-0307
ENDSNIP

snip_steps_308() {
printf '%s-%04d\n' pod 308
}

! IFS=$'\n' read -r -d '' snip_steps_308_out <<\ENDSNIP
pod-0308
ENDSNIP

snip_steps_309() {
printf '%s-%04d\n' pod 309
}

! IFS=$'\n' read -r -d '' snip_steps_309_out <<\ENDSNIP
pod-0309
ENDSNIP

snip_steps_310() {
printf '%s-%04d\n' pod 310
}

! IFS=$'\n' read -r -d '' snip_steps_310_out <<\ENDSNIP
pod-0310
ENDSNIP

snip_steps_311() {
printf '%s-%04d\n' pod 311
}

! IFS=$'\n' read -r -d '' snip_steps_311_out <<\ENDSNIP
pod-0311
ENDSNIP

snip_steps_312() {
printf '%s-%04d\n' pod 312
}

! IFS=$'\n' read -r -d '' snip_steps_312_out <<\ENDSNIP
pod-0312
ENDSNIP

snip_steps_313() {
printf '%s-%04d\n' pod 313
}

! IFS=$'\n' read -r -d '' snip_steps_313_out <<\ENDSNIP
pod-0313
ENDSNIP

snip_steps_314() {
printf '%s-%04d\n' pod 314
}

! IFS=$'\n' read -r -d '' snip_steps_314_out <<\ENDSNIP
pod-0314
ENDSNIP

snip_steps_315() {
printf '%s-%04d\n' pod 315
}

! IFS=$'\n' read -r -d '' snip_steps_315_out <<\ENDSNIP
pod-0315
ENDSNIP

snip_steps_316() {
printf '%s-%04d\n' pod 316
}

! IFS=$'\n' read -r -d '' snip_steps_316_out <<\ENDSNIP
pod-0316
ENDSNIP

snip_steps_317() {
printf '%s-%04d\n' pod 317
}

! IFS=$'\n' read -r -d '' snip_steps_317_out <<\ENDSNIP
pod-0317
ENDSNIP

snip_steps_318() {
printf '%s-%04d\n' pod 318
}

! IFS=$'\n' read -r -d '' snip_steps_318_out <<\ENDSNIP
pod-0318
ENDSNIP

snip_steps_319() {
printf '%s-%04d\n' pod 319
}

! IFS=$'\n' read -r -d '' snip_steps_319_out <<\ENDSNIP
pod-0319
ENDSNIP

snip_steps_320() {
printf '%s-%04d\n' pod 320
}

! IFS=$'\n' read -r -d '' snip_steps_320_out <<\ENDSNIP
pod-0320
ENDSNIP

snip_steps_321() {
printf '%s-%04d\n' pod 321
}

! IFS=$'\n' read -r -d '' snip_steps_321_out <<\ENDSNIP
pod-0321
ENDSNIP

snip_steps_322() {
printf '%s-%04d\n' pod 322
}

! IFS=$'\n' read -r -d '' snip_steps_322_out <<\ENDSNIP
pod-0322
ENDSNIP

snip_steps_323() {
printf '%s-%04d\n' pod 323
}

! IFS=$'\n' read -r -d '' snip_steps_323_out <<\ENDSNIP
pod-0323
ENDSNIP

snip_steps_324() {
printf '%s-%04d\n' pod 324
}

! IFS=$'\n' read -r -d '' snip_steps_324_out <<\ENDSNIP
pod-0324
ENDSNIP

snip_steps_325() {
printf '%s-%04d\n' pod 325
}

! IFS=$'\n' read -r -d '' snip_steps_325_out <<\ENDSNIP
pod-0325
ENDSNIP

snip_steps_326() {
printf '%s-%04d\n' pod 326
}

! IFS=$'\n' read -r -d '' snip_steps_326_out <<\ENDSNIP
pod-0326
ENDSNIP

snip_steps_327() {
printf '%s-%04d\n' pod 327
}

! IFS=$'\n' read -r -d '' snip_steps_327_out <<\ENDSNIP
pod-0327
ENDSNIP

snip_steps_328() {
printf '%s-%04d\n' pod 328
}

! IFS=$'\n' read -r -d '' snip_steps_328_out <<\ENDSNIP
pod-0328
ENDSNIP

snip_steps_329() {
printf '%s-%04d\n' pod 329
}

! IFS=$'\n' read -r -d '' snip_steps_329_out <<\ENDSNIP
pod-0329
ENDSNIP

snip_steps_330() {
printf '%s-%04d\n' pod 330
}

! IFS=$'\n' read -r -d '' snip_steps_330_out <<\ENDSNIP
pod-0330
ENDSNIP

snip_steps_331() {
printf '%s-%04d\n' pod 331
}

! IFS=$'\n' read -r -d '' snip_steps_331_out <<\ENDSNIP
pod-0331
ENDSNIP

snip_steps_332() {
printf '%s-%04d\n' pod 332
}

! IFS=$'\n' read -r -d '' snip_steps_332_out <<\ENDSNIP
pod-0332
ENDSNIP

snip_steps_333() {
printf '%s-%04d\n' pod 333
}

! IFS=$'\n' read -r -d '' snip_steps_333_out <<\ENDSNIP
pod-0333
ENDSNIP

snip_steps_334() {
printf '%s-%04d\n' pod 334
}

! IFS=$'\n' read -r -d '' snip_steps_334_out <<\ENDSNIP
pod-0334
ENDSNIP

snip_steps_335() {
printf '%s-%04d\n' pod 335
}

! IFS=$'\n' read -r -d '' snip_steps_335_out <<\ENDSNIP
pod-0335
ENDSNIP

snip_steps_336() {
printf '%s-%04d\n' pod 336
}

! IFS=$'\n' read -r -d '' snip_steps_336_out <<\ENDSNIP
pod-0336
ENDSNIP

snip_steps_337() {
printf '%s-%04d\n' pod 337
}

! IFS=$'\n' read -r -d '' snip_steps_337_out <<\ENDSNIP
pod-0337
ENDSNIP

snip_steps_338() {
printf '%s-%04d\n' pod 338
}

! IFS=$'\n' read -r -d '' snip_steps_338_out <<\ENDSNIP
pod-0338
ENDSNIP

snip_steps_339() {
printf '%s-%04d\n' pod 339
}

! IFS=$'\n' read -r -d '' snip_steps_339_out <<\ENDSNIP
pod-0339
ENDSNIP

snip_steps_340() {
printf '%s-%04d\n' pod 340
}

! IFS=$'\n' read -r -d '' snip_steps_340_out <<\ENDSNIP
pod-0340
ENDSNIP

snip_steps_341() {
printf '%s-%04d\n' pod 341
}

! IFS=$'\n' read -r -d '' snip_steps_341_out <<\ENDSNIP
pod-0341
ENDSNIP

snip_steps_342() {
printf '%s-%04d\n' pod 342
}

! IFS=$'\n' read -r -d '' snip_steps_342_out <<\ENDSNIP
pod-0342
ENDSNIP

snip_steps_343() {
printf '%s-%04d\n' pod 343
}

! IFS=$'\n' read -r -d '' snip_steps_343_out <<\ENDSNIP
pod-0343
ENDSNIP

snip_steps_344() {
printf '%s-%04d\n' pod 344
}

! IFS=$'\n' read -r -d '' snip_steps_344_out <<\ENDSNIP
pod-0344
ENDSNIP

snip_steps_345() {
printf '%s-%04d\n' pod 345
}

! IFS=$'\n' read -r -d '' snip_steps_345_out <<\ENDSNIP
pod-0345
ENDSNIP

snip_steps_346() {
printf '%s-%04d\n' pod 346
}

! IFS=$'\n' read -r -d '' snip_steps_346_out <<\ENDSNIP
pod-0346
ENDSNIP

snip_steps_347() {
printf '%s-%04d\n' pod 347
}

! IFS=$'\n' read -r -d '' snip_steps_347_out <<\ENDSNIP
pod-0347
ENDSNIP

snip_steps_348() {
printf '%s-%04d\n' pod 348
}

! IFS=$'\n' read -r -d '' snip_steps_348_out <<\ENDSNIP
pod-0348
ENDSNIP

snip_steps_349() {
printf '%s-%04d\n' pod 349
}

! IFS=$'\n' read -r -d '' snip_steps_349_out <<\ENDSNIP
pod-0349
ENDSNIP

snip_steps_350() {
printf '%s-%04d\n' pod 350
}

! IFS=$'\n' read -r -d '' snip_steps_350_out <<\ENDSNIP
pod-0350
ENDSNIP

snip_steps_351() {
printf '%s-%04d\n' pod 351
}

! IFS=$'\n' read -r -d '' snip_steps_351_out <<\ENDSNIP
pod-0351
ENDSNIP

snip_steps_352() {
printf '%s-%04d\n' pod 352
}

! IFS=$'\n' read -r -d '' snip_steps_352_out <<\ENDSNIP
pod-0352
ENDSNIP

snip_steps_353() {
printf '%s-%04d\n' pod 353
}

! IFS=$'\n' read -r -d '' snip_steps_353_out <<\ENDSNIP
pod-0353
ENDSNIP

snip_steps_354() {
printf '%s-%04d\n' pod 354
}

! IFS=$'\n' read -r -d '' snip_steps_354_out <<\ENDSNIP
pod-0354
ENDSNIP

snip_steps_355() {
printf '%s-%04d\n' pod 355
}

! IFS=$'\n' read -r -d '' snip_steps_355_out <<\ENDSNIP
pod-0355
ENDSNIP

snip_steps_356() {
printf '%s-%04d\n' pod 356
}

! IFS=$'\n' read -r -d '' snip_steps_356_out <<\ENDSNIP
pod-0356
ENDSNIP

snip_steps_357() {
printf '%s-%04d\n' pod 357
}

! IFS=$'\n' read -r -d '' snip_steps_357_out <<\ENDSNIP
pod-0357
ENDSNIP

snip_steps_358() {
printf '%s-%04d\n' pod 358
}

! IFS=$'\n' read -r -d '' snip_steps_358_out <<\ENDSNIP
pod-0358
ENDSNIP

snip_steps_359() {
printf '%s-%04d\n' pod 359
}

! IFS=$'\n' read -r -d '' snip_steps_359_out <<\ENDSNIP
pod-0359
ENDSNIP

snip_steps_360() {
printf '%s-%04d\n' pod 360
}

! IFS=$'\n' read -r -d '' snip_steps_360_out <<\ENDSNIP
pod-0360
ENDSNIP

snip_steps_361() {
printf '%s-%04d\n' pod 361
}

! IFS=$'\n' read -r -d '' snip_steps_361_out <<\ENDSNIP
pod-0361
ENDSNIP

snip_steps_362() {
printf '%s-%04d\n' pod 362
}

! IFS=$'\n' read -r -d '' snip_steps_362_out <<\ENDSNIP
pod-0362
ENDSNIP

snip_steps_363() {
printf '%s-%04d\n' pod 363
}

! IFS=$'\n' read -r -d '' snip_steps_363_out <<\ENDSNIP
pod-0363
ENDSNIP

snip_steps_364() {
printf '%s-%04d\n' pod 364
}

! IFS=$'\n' read -r -d '' snip_steps_364_out <<\ENDSNIP
pod-0364
ENDSNIP

snip_steps_365() {
printf '%s-%04d\n' pod 365
}

! IFS=$'\n' read -r -d '' snip_steps_365_out <<\ENDSNIP
pod-0365
ENDSNIP

snip_steps_366() {
printf '%s-%04d\n' pod 366
}

! IFS=$'\n' read -r -d '' snip_steps_366_out <<\ENDSNIP
pod-0366
ENDSNIP

snip_steps_367() {
printf '%s-%04d\n' pod 367
}

! IFS=$'\n' read -r -d '' snip_steps_367_out <<\ENDSNIP
pod-0367
ENDSNIP

snip_steps_368() {
printf '%s-%04d\n' pod 368
}

! IFS=$'\n' read -r -d '' snip_steps_368_out <<\ENDSNIP
pod-0368
ENDSNIP

snip_steps_369() {
printf '%s-%04d\n' pod 369
}

! IFS=$'\n' read -r -d '' snip_steps_369_out <<\ENDSNIP
pod-0369
ENDSNIP

snip_steps_370() {
printf '%s-%04d\n' pod 370
}

! IFS=$'\n' read -r -d '' snip_steps_370_out <<\ENDSNIP
pod-0370
ENDSNIP

snip_steps_371() {
printf '%s-%04d\n' pod 371
}

! IFS=$'\n' read -r -d '' snip_steps_371_out <<\ENDSNIP
pod-0371
ENDSNIP

snip_steps_372() {
printf '%s-%04d\n' pod 372
}

! IFS=$'\n' read -r -d '' snip_steps_372_out <<\ENDSNIP
pod-0372
ENDSNIP

snip_steps_373() {
printf '%s-%04d\n' pod 373
}

! IFS=$'\n' read -r -d '' snip_steps_373_out <<\ENDSNIP
pod-0373
ENDSNIP

snip_steps_374() {
printf '%s-%04d\n' pod 374
}

! IFS=$'\n' read -r -d '' snip_steps_374_out <<\ENDSNIP
pod-0374
ENDSNIP

snip_steps_375() {
printf '%s-%04d\n' pod 375
}

! IFS=$'\n' read -r -d '' snip_steps_375_out <<\ENDSNIP
pod-0375
ENDSNIP

snip_steps_376() {
printf '%s-%04d\n' pod 376
}

! IFS=$'\n' read -r -d '' snip_steps_376_out <<\ENDSNIP
pod-0376
ENDSNIP

snip_steps_377() {
printf '%s-%04d\n' pod 377
}

! IFS=$'\n' read -r -d '' snip_steps_377_out <<\ENDSNIP
pod-0377
ENDSNIP

snip_steps_378() {
printf '%s-%04d\n' pod 378
}

! IFS=$'\n' read -r -d '' snip_steps_378_out <<\ENDSNIP
pod-0378
ENDSNIP

snip_steps_379() {
printf '%s-%04d\n' pod 379
}

! IFS=$'\n' read -r -d '' snip_steps_379_out <<\ENDSNIP
pod-0379
ENDSNIP

snip_steps_380() {
printf '%s-%04d\n' pod 380
}

! IFS=$'\n' read -r -d '' snip_steps_380_out <<\ENDSNIP
pod-0380
ENDSNIP

snip_steps_381() {
printf '%s-%04d\n' pod 381
}

! IFS=$'\n' read -r -d '' snip_steps_381_out <<\ENDSNIP
pod-0381
ENDSNIP

snip_steps_382() {
printf '%s-%04d\n' pod 382
}

! IFS=$'\n' read -r -d '' snip_steps_382_out <<\ENDSNIP
pod-0382
ENDSNIP

snip_steps_383() {
printf '%s-%04d\n' pod 383
}

! IFS=$'\n' read -r -d '' snip_steps_383_out <<\ENDSNIP
pod-0383
ENDSNIP

snip_steps_384() {
printf '%s-%04d\n' pod 384
}

! IFS=$'\n' read -r -d '' snip_steps_384_out <<\ENDSNIP
pod-0384
ENDSNIP

snip_steps_385() {
printf '%s-%04d\n' pod 385
}

! IFS=$'\n' read -r -d '' snip_steps_385_out <<\ENDSNIP
pod-0385
ENDSNIP

snip_steps_386() {
printf '%s-%04d\n' pod 386
}

! IFS=$'\n' read -r -d '' snip_steps_386_out <<\ENDSNIP
pod-0386
ENDSNIP

snip_steps_387() {
printf '%s-%04d\n' pod 387
}

! IFS=$'\n' read -r -d '' snip_steps_387_out <<\ENDSNIP
pod-0387
ENDSNIP

snip_steps_388() {
printf '%s-%04d\n' pod 388
}

! IFS=$'\n' read -r -d '' snip_steps_388_out <<\ENDSNIP
pod-0388
ENDSNIP

snip_steps_389() {
printf '%s-%04d\n' pod 389
}

! IFS=$'\n' read -r -d '' snip_steps_389_out <<\ENDSNIP
pod-0389
ENDSNIP

snip_steps_390() {
printf '%s-%04d\n' pod 390
}

! IFS=$'\n' read -r -d '' snip_steps_390_out <<\ENDSNIP
pod-0390
ENDSNIP

snip_steps_391() {
printf '%s-%04d\n' pod 391
}

! IFS=$'\n' read -r -d '' snip_steps_391_out <<\ENDSNIP
pod-0391
ENDSNIP

snip_steps_392() {
printf '%s-%04d\n' pod 392
}

! IFS=$'\n' read -r -d '' snip_steps_392_out <<\ENDSNIP
pod-0392
ENDSNIP

snip_steps_393() {
printf '%s-%04d\n' pod 393
}

! IFS=$'\n' read -r -d '' snip_steps_393_out <<\ENDSNIP
pod-0393
ENDSNIP

snip_steps_394() {
printf '%s-%04d\n' pod 394
}

! IFS=$'\n' read -r -d '' snip_steps_394_out <<\ENDSNIP
pod-0394
ENDSNIP

snip_steps_395() {
printf '%s-%04d\n' pod 395
}

! IFS=$'\n' read -r -d '' snip_steps_395_out <<\ENDSNIP
pod-0395
ENDSNIP

snip_steps_396() {
printf '%s-%04d\n' pod 396
}

! IFS=$'\n' read -r -d '' snip_steps_396_out <<\ENDSNIP
pod-0396
ENDSNIP

snip_steps_397() {
printf '%s-%04d\n' pod 397
}

! IFS=$'\n' read -r -d '' snip_steps_397_out <<\ENDSNIP
pod-0397
ENDSNIP

snip_steps_398() {
printf '%s-%04d\n' pod 398
}

! IFS=$'\n' read -r -d '' snip_steps_398_out <<\ENDSNIP
pod-0398
ENDSNIP

snip_steps_399() {
printf '%s-%04d\n' pod 399
}

! IFS=$'\n' read -r -d '' snip_steps_399_out <<\ENDSNIP
pod-0399
ENDSNIP

snip_steps_400() {
printf '%s-%04d\n' pod 400
}

! IFS=$'\n' read -r -d '' snip_steps_400_out <<\ENDSNIP
pod-0400
ENDSNIP

snip_steps_401() {
printf '%s-%04d\n' pod 401
}

! IFS=$'\n' read -r -d '' snip_steps_401_out <<\ENDSNIP
pod-0401
ENDSNIP

snip_steps_402() {
printf '%s-%04d\n' pod 402
}

! IFS=$'\n' read -r -d '' snip_steps_402_out <<\ENDSNIP
pod-0402
ENDSNIP

snip_steps_403() {
printf '%s-%04d\n' pod 403
}

! IFS=$'\n' read -r -d '' snip_steps_403_out <<\ENDSNIP
pod-0403
ENDSNIP

snip_steps_404() {
printf '%s-%04d\n' pod 404
}

! IFS=$'\n' read -r -d '' snip_steps_404_out <<\ENDSNIP
pod-0404
ENDSNIP

snip_steps_405() {
printf '%s-%04d\n' pod 405
}

! IFS=$'\n' read -r -d '' snip_steps_405_out <<\ENDSNIP
pod-0405
ENDSNIP

snip_steps_406() {
printf '%s-%04d\n' pod 406
}

! IFS=$'\n' read -r -d '' snip_steps_406_out <<\ENDSNIP
pod-0406
ENDSNIP

snip_steps_407() {
printf '%s-%04d\n' pod 407
}

! IFS=$'\n' read -r -d '' snip_steps_407_out <<\ENDSNIP
pod-0407
ENDSNIP

snip_steps_408() {
printf '%s-%04d\n' pod 408
}

! IFS=$'\n' read -r -d '' snip_steps_408_out <<\ENDSNIP
pod-0408
ENDSNIP

snip_steps_409() {
printf '%s-%04d\n' pod 409
}

! IFS=$'\n' read -r -d '' snip_steps_409_out <<\ENDSNIP
pod-0409
ENDSNIP

snip_steps_410() {
printf '%s-%04d\n' pod 410
}

! IFS=$'\n' read -r -d '' snip_steps_410_out <<\ENDSNIP
pod-0410
ENDSNIP

snip_steps_411() {
printf '%s-%04d\n' pod 411
}

! IFS=$'\n' read -r -d '' snip_steps_411_out <<\ENDSNIP
pod-0411
ENDSNIP

snip_steps_412() {
printf '%s-%04d\n' pod 412
}

! IFS=$'\n' read -r -d '' snip_steps_412_out <<\ENDSNIP
pod-0412
ENDSNIP

snip_steps_413() {
printf '%s-%04d\n' pod 413
}

! IFS=$'\n' read -r -d '' snip_steps_413_out <<\ENDSNIP
pod-0413
ENDSNIP

snip_steps_414() {
printf '%s-%04d\n' pod 414
}

! IFS=$'\n' read -r -d '' snip_steps_414_out <<\ENDSNIP
pod-0414
ENDSNIP

snip_steps_415() {
printf '%s-%04d\n' pod 415
}

! IFS=$'\n' read -r -d '' snip_steps_415_out <<\ENDSNIP
pod-0415
ENDSNIP

snip_steps_416() {
printf '%s-%04d\n' pod 416
}

! IFS=$'\n' read -r -d '' snip_steps_416_out <<\ENDSNIP
pod-0416
ENDSNIP

snip_steps_417() {
printf '%s-%04d\n' pod 417
}

! IFS=$'\n' read -r -d '' snip_steps_417_out <<\ENDSNIP
pod-0417
ENDSNIP

snip_steps_418() {
printf '%s-%04d\n' pod 418
}

! IFS=$'\n' read -r -d '' snip_steps_418_out <<\ENDSNIP
pod-0418
ENDSNIP

snip_steps_419() {
printf '%s-%04d\n' pod 419
}

! IFS=$'\n' read -r -d '' snip_steps_419_out <<\ENDSNIP
pod-0419
ENDSNIP

snip_steps_420() {
printf '%s-%04d\n' pod 420
}

! IFS=$'\n' read -r -d '' snip_steps_420_out <<\ENDSNIP
pod-0420
ENDSNIP

snip_steps_421() {
printf '%s-%04d\n' pod 421
}

! IFS=$'\n' read -r -d '' snip_steps_421_out <<\ENDSNIP
pod-0421
ENDSNIP

snip_steps_422() {
printf '%s-%04d\n' pod 422
}

! IFS=$'\n' read -r -d '' snip_steps_422_out <<\ENDSNIP
pod-0422
ENDSNIP

snip_steps_423() {
printf '%s-%04d\n' pod 423
}

! IFS=$'\n' read -r -d '' snip_steps_423_out <<\ENDSNIP
pod-0423
ENDSNIP

snip_steps_424() {
printf '%s-%04d\n' pod 424
}

! IFS=$'\n' read -r -d '' snip_steps_424_out <<\ENDSNIP
pod-0424
ENDSNIP

snip_steps_425() {
printf '%s-%04d\n' pod 425
}

! IFS=$'\n' read -r -d '' snip_steps_425_out <<\ENDSNIP
pod-0425
ENDSNIP

snip_steps_426() {
printf '%s-%04d\n' pod 426
}

! IFS=$'\n' read -r -d '' snip_steps_426_out <<\ENDSNIP
pod-0426
ENDSNIP

snip_steps_427() {
printf '%s-%04d\n' pod 427
}

! IFS=$'\n' read -r -d '' snip_steps_427_out <<\ENDSNIP
pod-0427
ENDSNIP

snip_steps_428() {
printf '%s-%04d\n' pod 428
}

! IFS=$'\n' read -r -d '' snip_steps_428_out <<\ENDSNIP
pod-0428
ENDSNIP

snip_steps_429() {
printf '%s-%04d\n' pod 429
}

! IFS=$'\n' read -r -d '' snip_steps_429_out <<\ENDSNIP
pod-0429
ENDSNIP

snip_steps_430() {
printf '%s-%04d\n' pod 430
}

! IFS=$'\n' read -r -d '' snip_steps_430_out <<\ENDSNIP
pod-0430
ENDSNIP

snip_steps_431() {
printf '%s-%04d\n' pod 431
}

! IFS=$'\n' read -r -d '' snip_steps_431_out <<\ENDSNIP
pod-0431
ENDSNIP

snip_steps_432() {
printf '%s-%04d\n' pod 432
}

! IFS=$'\n' read -r -d '' snip_steps_432_out <<\ENDSNIP
pod-0432
ENDSNIP

snip_steps_433() {
printf '%s-%04d\n' pod 433
}

! IFS=$'\n' read -r -d '' snip_steps_433_out <<\ENDSNIP
pod-0433
ENDSNIP

snip_steps_434() {
printf '%s-%04d\n' pod 434
}

! IFS=$'\n' read -r -d '' snip_steps_434_out <<\ENDSNIP
pod-0434
ENDSNIP

snip_steps_435() {
printf '%s-%04d\n' pod 435
}

! IFS=$'\n' read -r -d '' snip_steps_435_out <<\ENDSNIP
pod-0435
ENDSNIP

snip_steps_436() {
printf '%s-%04d\n' pod 436
}

! IFS=$'\n' read -r -d '' snip_steps_436_out <<\ENDSNIP
pod-0436
ENDSNIP

snip_steps_437() {
printf '%s-%04d\n' pod 437
}

! IFS=$'\n' read -r -d '' snip_steps_437_out <<\ENDSNIP
pod-0437
ENDSNIP

snip_steps_438() {
printf '%s-%04d\n' pod 438
}

! IFS=$'\n' read -r -d '' snip_steps_438_out <<\ENDSNIP
pod-0438
ENDSNIP

snip_steps_439() {
printf '%s-%04d\n' pod 439
}

! IFS=$'\n' read -r -d '' snip_steps_439_out <<\ENDSNIP
pod-0439
ENDSNIP

snip_steps_440() {
printf '%s-%04d\n' pod 440
}

! IFS=$'\n' read -r -d '' snip_steps_440_out <<\ENDSNIP
pod-0440
ENDSNIP

snip_steps_441() {
printf '%s-%04d\n' pod 441
}

! IFS=$'\n' read -r -d '' snip_steps_441_out <<\ENDSNIP
pod-0441
ENDSNIP

snip_steps_442() {
printf '%s-%04d\n' pod 442
}

! IFS=$'\n' read -r -d '' snip_steps_442_out <<\ENDSNIP
pod-0442
ENDSNIP

snip_steps_443() {
printf '%s-%04d\n' pod 443
}

! IFS=$'\n' read -r -d '' snip_steps_443_out <<\ENDSNIP
pod-0443
ENDSNIP

snip_steps_444() {
printf '%s-%04d\n' pod 444
}

! IFS=$'\n' read -r -d '' snip_steps_444_out <<\ENDSNIP
pod-0444
ENDSNIP

snip_steps_445() {
printf '%s-%04d\n' pod 445
}

! IFS=$'\n' read -r -d '' snip_steps_445_out <<\ENDSNIP
pod-0445
ENDSNIP

snip_steps_446() {
printf '%s-%04d\n' pod 446
}

! IFS=$'\n' read -r -d '' snip_steps_446_out <<\ENDSNIP
pod-0446
ENDSNIP

snip_steps_447() {
printf '%s-%04d\n' pod 447
}

! IFS=$'\n' read -r -d '' snip_steps_447_out <<\ENDSNIP
pod-0447
ENDSNIP

snip_steps_448() {
printf '%s-%04d\n' pod 448
}

! IFS=$'\n' read -r -d '' snip_steps_448_out <<\ENDSNIP
pod-0448
ENDSNIP

snip_steps_449() {
printf '%s-%04d\n' pod 449
}

! IFS=$'\n' read -r -d '' snip_steps_449_out <<\ENDSNIP
pod-0449
ENDSNIP

snip_steps_450() {
printf '%s-%04d\n' pod 450
}

! IFS=$'\n' read -r -d '' snip_steps_450_out <<\ENDSNIP
pod-0450
ENDSNIP

snip_steps_451() {
printf '%s-%04d\n' pod 451
}

! IFS=$'\n' read -r -d '' snip_steps_451_out <<\ENDSNIP
pod-0451
ENDSNIP

snip_steps_452() {
printf '%s-%04d\n' pod 452
}

! IFS=$'\n' read -r -d '' snip_steps_452_out <<\ENDSNIP
pod-0452
ENDSNIP

snip_steps_453() {
printf '%s-%04d\n' pod 453
}

! IFS=$'\n' read -r -d '' snip_steps_453_out <<\ENDSNIP
pod-0453
ENDSNIP

snip_steps_454() {
printf '%s-%04d\n' pod 454
}

! IFS=$'\n' read -r -d '' snip_steps_454_out <<\ENDSNIP
pod-0454
ENDSNIP

snip_steps_455() {
printf '%s-%04d\n' pod 455
}

! IFS=$'\n' read -r -d '' snip_steps_455_out <<\ENDSNIP
pod-0455
ENDSNIP

snip_steps_456() {
printf '%s-%04d\n' pod 456
}

! IFS=$'\n' read -r -d '' snip_steps_456_out <<\ENDSNIP
pod-0456
ENDSNIP

snip_steps_457() {
printf '%s-%04d\n' pod 457
}

! IFS=$'\n' read -r -d '' snip_steps_457_out <<\ENDSNIP
pod-0457
ENDSNIP

snip_steps_458() {
printf '%s-%04d\n' pod 458
}

! IFS=$'\n' read -r -d '' snip_steps_458_out <<\ENDSNIP
pod-0458
ENDSNIP

snip_steps_459() {
printf '%s-%04d\n' pod 459
}

! IFS=$'\n' read -r -d '' snip_steps_459_out <<\ENDSNIP
pod-0459
ENDSNIP

snip_steps_460() {
printf '%s-%04d\n' pod 460
}

! IFS=$'\n' read -r -d '' snip_steps_460_out <<\ENDSNIP
pod-0460
ENDSNIP

snip_steps_461() {
printf '%s-%04d\n' pod 461
}

! IFS=$'\n' read -r -d '' snip_steps_461_out <<\ENDSNIP
pod-0461
ENDSNIP

snip_steps_462() {
printf '%s-%04d\n' pod 462
}

! IFS=$'\n' read -r -d '' snip_steps_462_out <<\ENDSNIP
pod-0462
ENDSNIP

snip_steps_463() {
printf '%s-%04d\n' pod 463
}

! IFS=$'\n' read -r -d '' snip_steps_463_out <<\ENDSNIP
pod-0463
ENDSNIP

snip_steps_464() {
printf '%s-%04d\n' pod 464
}

! IFS=$'\n' read -r -d '' snip_steps_464_out <<\ENDSNIP
pod-0464
ENDSNIP

snip_steps_465() {
printf '%s-%04d\n' pod 465
}

! IFS=$'\n' read -r -d '' snip_steps_465_out <<\ENDSNIP
pod-0465
ENDSNIP

snip_steps_466() {
printf '%s-%04d\n' pod 466
}

! IFS=$'\n' read -r -d '' snip_steps_466_out <<\ENDSNIP
pod-0466
ENDSNIP

snip_steps_467() {
printf '%s-%04d\n' pod 467
}

! IFS=$'\n' read -r -d '' snip_steps_467_out <<\ENDSNIP
pod-0467
ENDSNIP

snip_steps_468() {
printf '%s-%04d\n' pod 468
}

! IFS=$'\n' read -r -d '' snip_steps_468_out <<\ENDSNIP
pod-0468
ENDSNIP

snip_steps_469() {
printf '%s-%04d\n' pod 469
}

! IFS=$'\n' read -r -d '' snip_steps_469_out <<\ENDSNIP
pod-0469
ENDSNIP

snip_steps_470() {
printf '%s-%04d\n' pod 470
}

! IFS=$'\n' read -r -d '' snip_steps_470_out <<\ENDSNIP
pod-0470
ENDSNIP

snip_steps_471() {
printf '%s-%04d\n' pod 471
}

! IFS=$'\n' read -r -d '' snip_steps_471_out <<\ENDSNIP
pod-0471
ENDSNIP

snip_steps_472() {
printf '%s-%04d\n' pod 472
}

! IFS=$'\n' read -r -d '' snip_steps_472_out <<\ENDSNIP
pod-0472
ENDSNIP

snip_steps_473() {
printf '%s-%04d\n' pod 473
}

! IFS=$'\n' read -r -d '' snip_steps_473_out <<\ENDSNIP
pod-0473
ENDSNIP

snip_steps_474() {
printf '%s-%04d\n' pod 474
}

! IFS=$'\n' read -r -d '' snip_steps_474_out <<\ENDSNIP
pod-0474
ENDSNIP

snip_steps_475() {
printf '%s-%04d\n' pod 475
}

! IFS=$'\n' read -r -d '' snip_steps_475_out <<\ENDSNIP
pod-0475
ENDSNIP

snip_steps_476() {
printf '%s-%04d\n' pod 476
}

! IFS=$'\n' read -r -d '' snip_steps_476_out <<\ENDSNIP
pod-0476
ENDSNIP

snip_steps_477() {
printf '%s-%04d\n' pod 477
}

! IFS=$'\n' read -r -d '' snip_steps_477_out <<\ENDSNIP
pod-0477
ENDSNIP

snip_steps_478() {
printf '%s-%04d\n' pod 478
}

! IFS=$'\n' read -r -d '' snip_steps_478_out <<\ENDSNIP
pod-0478
ENDSNIP

snip_steps_479() {
printf '%s-%04d\n' pod 479
}

! IFS=$'\n' read -r -d '' snip_steps_479_out <<\ENDSNIP
pod-0479
ENDSNIP

snip_steps_480() {
printf '%s-%04d\n' pod 480
}

! IFS=$'\n' read -r -d '' snip_steps_480_out <<\ENDSNIP
pod-0480
ENDSNIP

snip_steps_481() {
printf '%s-%04d\n' pod 481
}

! IFS=$'\n' read -r -d '' snip_steps_481_out <<\ENDSNIP
pod-0481
ENDSNIP

snip_steps_482() {
printf '%s-%04d\n' pod 482
}

! IFS=$'\n' read -r -d '' snip_steps_482_out <<\ENDSNIP
pod-0482
ENDSNIP

snip_steps_483() {
printf '%s-%04d\n' pod 483
}

! IFS=$'\n' read -r -d '' snip_steps_483_out <<\ENDSNIP
pod-0483
ENDSNIP

snip_steps_484() {
printf '%s-%04d\n' pod 484
}

! IFS=$'\n' read -r -d '' snip_steps_484_out <<\ENDSNIP
pod-0484
ENDSNIP

snip_steps_485() {
printf '%s-%04d\n' pod 485
}

! IFS=$'\n' read -r -d '' snip_steps_485_out <<\ENDSNIP
pod-0485
ENDSNIP

snip_steps_486() {
printf '%s-%04d\n' pod 486
}

! IFS=$'\n' read -r -d '' snip_steps_486_out <<\ENDSNIP
pod-0486
ENDSNIP

snip_steps_487() {
printf '%s-%04d\n' pod 487
}

! IFS=$'\n' read -r -d '' snip_steps_487_out <<\ENDSNIP
pod-0487
ENDSNIP

snip_steps_488() {
printf '%s-%04d\n' pod 488
}

! IFS=$'\n' read -r -d '' snip_steps_488_out <<\ENDSNIP
pod-0488
ENDSNIP

snip_steps_489() {
printf '%s-%04d\n' pod 489
}

! IFS=$'\n' read -r -d '' snip_steps_489_out <<\ENDSNIP
pod-0489
ENDSNIP

snip_steps_490() {
printf '%s-%04d\n' pod 490
}

! IFS=$'\n' read -r -d '' snip_steps_490_out <<\ENDSNIP
pod-0490
ENDSNIP

snip_steps_491() {
printf '%s-%04d\n' pod 491
}

! IFS=$'\n' read -r -d '' snip_steps_491_out <<\ENDSNIP
pod-0491
ENDSNIP

snip_steps_492() {
printf '%s-%04d\n' pod 492
}

! IFS=$'\n' read -r -d '' snip_steps_492_out <<\ENDSNIP
pod-0492
ENDSNIP

snip_steps_493() {
printf '%s-%04d\n' pod 493
}

! IFS=$'\n' read -r -d '' snip_steps_493_out <<\ENDSNIP
pod-0493
ENDSNIP

snip_steps_494() {
printf '%s-%04d\n' pod 494
}

! IFS=$'\n' read -r -d '' snip_steps_494_out <<\ENDSNIP
pod-0494
ENDSNIP

snip_steps_495() {
printf '%s-%04d\n' pod 495
}

! IFS=$'\n' read -r -d '' snip_steps_495_out <<\ENDSNIP
pod-0495
ENDSNIP

snip_steps_496() {
printf '%s-%04d\n' pod 496
}

! IFS=$'\n' read -r -d '' snip_steps_496_out <<\ENDSNIP
pod-0496
ENDSNIP

snip_steps_497() {
printf '%s-%04d\n' pod 497
}

! IFS=$'\n' read -r -d '' snip_steps_497_out <<\ENDSNIP
pod-0497
ENDSNIP

snip_steps_498() {
printf '%s-%04d\n' pod 498
}

! IFS=$'\n' read -r -d '' snip_steps_498_out <<\ENDSNIP
pod-0498
ENDSNIP

snip_steps_499() {
printf '%s-%04d\n' pod 499
}

! IFS=$'\n' read -r -d '' snip_steps_499_out <<\ENDSNIP
pod-0499
ENDSNIP

snip_steps_500() {
printf '%s-%04d\n' pod 500
}

! IFS=$'\n' read -r -d '' snip_steps_500_out <<\ENDSNIP
pod-0500
ENDSNIP
