/* demo: the Đà Lạt demo data (see demo.h). */
#include "roviec/demo.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "roviec/action.h"
#include "roviec/dates.h"
#include "roviec/duty.h"
#include "roviec/evaluate.h"
#include "roviec/i18n.h"
#include "roviec/model.h"
#include "roviec/org.h"
#include "roviec/store.h"

/*
 * How it works.  The organisation is added first, on a day before the
 * oldest duty.  Then every duty gets a script (a scenario: done on time,
 * bounced, escalated and rejected, ...) written as steps on working days
 * counted back from today; all steps are sorted by their moment and played
 * through the real duty_* functions with s->now moved to that moment, so
 * every rule is honoured, references are numbered in the order the duties
 * were created and the history reads in time order.  Days are counted in
 * working days back from today, so that the flags measured today (stalled,
 * unanswered, due soon) come out the same whatever the weekday.
 */

#define DEMO_SEED	0x9e3779b97f4a7c15ULL
#define DEMO_BACK	200	/* working days the day table reaches back */
#define DEMO_AHEAD	120	/* and ahead */
#define DEMO_OLDEST	84	/* the oldest duty, in working days (~4 months) */
#define DEMO_ORG_DAY	88	/* the organisation is set up this far back */
#define DEMO_PEOPLE_MAX	256
#define DEMO_DUTIES_MAX	512
#define DEMO_MEMBERS_MAX 8
#define DEMO_CHUNK	65536

/* --- the units ------------------------------------------------------- */

struct demo_unit_def {
	const char *code, *name, *kind, *parent;
	const char *places[4];	/* where its duties happen (wards, communes) */
};

/* The units of Đà Lạt (the project's shared dalat-units.csv), parents
 * before children. */
static const struct demo_unit_def demo_units[] = {
	{ "DL", "Thành phố Đà Lạt", "city", NULL, { NULL } },
	{ "P1", "Phường 1", "ward", "DL", { "khu Hòa Bình", "khu vực chợ Đà Lạt",
	    "đường Nguyễn Thị Minh Khai", "đường Phan Bội Châu" } },
	{ "P2", "Phường 2", "ward", "DL", { "đường Phan Đình Phùng",
	    "đường Hai Bà Trưng", "đường Nguyễn Văn Trỗi", "đường La Sơn Phu Tử" } },
	{ "P3", "Phường 3", "ward", "DL", { "đường 3 Tháng 4", "khu vực đèo Prenn",
	    "khu vực hồ Tuyền Lâm", "đường Hoàng Hoa Thám" } },
	{ "P4", "Phường 4", "ward", "DL", { "đường Hoàng Văn Thụ",
	    "đường Nguyễn Tri Phương", "đường Trần Thái Tông", "đường Hàn Thuyên" } },
	{ "P5", "Phường 5", "ward", "DL", { "đường Hoàng Diệu", "đường Trần Lê",
	    "đường An Dương Vương", "đường Đông Tĩnh" } },
	{ "P6", "Phường 6", "ward", "DL", { "đường Phạm Ngọc Thạch",
	    "đường Lý Tự Trọng", "đường Cô Giang", "đường Hai Bà Trưng" } },
	{ "P7", "Phường 7", "ward", "DL", { "đường Mai Anh Đào",
	    "đường Xô Viết Nghệ Tĩnh", "khu vực Đồi Mộng Mơ", "đường Nguyễn Tử Lực" } },
	{ "P8", "Phường 8", "ward", "DL", { "đường Phù Đổng Thiên Vương",
	    "đường Vạn Hạnh", "đường Đa Phú", "đường Mai Xuân Thưởng" } },
	{ "P9", "Phường 9", "ward", "DL", { "đường Hùng Vương", "đường Chi Lăng",
	    "đường Lý Nam Đế", "đường Ngô Thì Sĩ" } },
	{ "P10", "Phường 10", "ward", "DL", { "đường Khe Sanh",
	    "đường Trần Quang Khải", "đường Trần Hưng Đạo", "đường Nguyễn Trãi" } },
	{ "P11", "Phường 11", "ward", "DL", { "khu vực Trại Mát", "đường Trần Quý Cáp",
	    "thôn Xuân Thành", "đường Hùng Vương (đoạn Trại Mát)" } },
	{ "P12", "Phường 12", "ward", "DL", { "làng hoa Thái Phiên",
	    "khu vực hồ Than Thở", "đường Phạm Hồng Thái", "tổ dân phố Đa Thiện" } },
	{ "XTHO", "Xã Xuân Thọ", "commune", "DL", { "thôn Đa Lộc", "thôn Xuân Sơn",
	    "thôn Túy Sơn", "thôn Lộc Quý" } },
	{ "XTRUONG", "Xã Xuân Trường", "commune", "DL", { "thôn Trường Sơn",
	    "thôn Xuân An", "thôn Trường Xuân", "thôn Tân Hiệp" } },
	{ "TANUNG", "Xã Tà Nung", "commune", "DL", { "thôn Nam Hồ", "thôn Đa Ra Hoa",
	    "thôn Đa Lợi", "thôn Tà Nung" } },
	{ "TRAMHANH", "Xã Trạm Hành", "commune", "DL", { "thôn Trạm Hành",
	    "thôn Cầu Đất", "thôn Đa Thọ", "thôn Trường Thọ" } },
	{ "VP", "Văn phòng HĐND và UBND thành phố", "department", "DL", { NULL } },
	{ "NV", "Phòng Nội vụ", "department", "DL", { NULL } },
	{ "TP", "Phòng Tư pháp", "department", "DL", { NULL } },
	{ "TCKH", "Phòng Tài chính - Kế hoạch", "department", "DL", { NULL } },
	{ "TNMT", "Phòng Tài nguyên và Môi trường", "department", "DL", { NULL } },
	{ "QLDT", "Phòng Quản lý đô thị", "department", "DL", { NULL } },
	{ "KT", "Phòng Kinh tế", "department", "DL", { NULL } },
	{ "VHTT", "Phòng Văn hóa và Thông tin", "department", "DL", { NULL } },
	{ "GDDT", "Phòng Giáo dục và Đào tạo", "department", "DL", { NULL } },
	{ "YT", "Phòng Y tế", "department", "DL", { NULL } },
	{ "LDTBXH", "Phòng Lao động - Thương binh và Xã hội", "department", "DL", { NULL } },
	{ "TTRA", "Thanh tra thành phố", "department", "DL", { NULL } },
	{ "BQLDA", "Ban Quản lý dự án đầu tư xây dựng", "department", "DL", { NULL } },
	{ "TTPTQD", "Trung tâm Phát triển quỹ đất", "department", "DL", { NULL } },
	{ "DTTDT", "Đội Kiểm tra trật tự đô thị", "department", "QLDT", { NULL } },
	{ "TU", "Thành ủy Đà Lạt", "party", NULL, { NULL } },
	{ "UBKT", "Ủy ban Kiểm tra Thành ủy", "party", "TU", { NULL } },
	{ "BTC", "Ban Tổ chức Thành ủy", "party", "TU", { NULL } },
	{ "BTG", "Ban Tuyên giáo Thành ủy", "party", "TU", { NULL } },
	{ "VPTU", "Văn phòng Thành ủy", "party", "TU", { NULL } },
};

#define DEMO_NUNITS ((int)(sizeof(demo_units) / sizeof(demo_units[0])))

static const char *const demo_projects[] = {
	"cải tạo, nâng cấp hồ Xuân Hương giai đoạn 2",
	"đường vành đai phía Đông thành phố",
	"khu tái định cư Phước Thành",
	"mở rộng đường Hai Bà Trưng",
	"khu dân cư Đông Trần Hưng Đạo",
	"cải tạo suối Phan Đình Phùng",
	"nâng cấp đường Tự Phước",
	"khu tái định cư Nguyên Tử Lực",
	"bãi đỗ xe ngầm khu Hòa Bình",
	"nâng cấp đường Mai Anh Đào",
	"hệ thống thoát nước khu vực Trại Mát",
	"trường tiểu học Xuân Thọ",
};

static const char *const demo_streets[] = {
	"đường Trần Phú", "đường Lê Đại Hành", "đường 3 Tháng 2",
	"đường Phan Đình Phùng", "đường Hùng Vương", "đường Bùi Thị Xuân",
	"đường Nguyễn Văn Cừ", "đường Yersin", "đường Trần Hưng Đạo",
	"đường Hồ Tùng Mậu",
};

static const char *const demo_waters[] = {
	"hồ Xuân Hương", "suối Cam Ly", "hồ Chiến Thắng", "hồ Tuyền Lâm",
	"suối Phan Đình Phùng", "hồ Than Thở",
};

/* --- the work -------------------------------------------------------- */

/*
 * A kind of duty.  In the texts: {} is a place in the ward concerned ("đường
 * Hai Bà Trưng, Phường 2"), {U} the lead unit's name, {W} the ward
 * concerned, {P} a project, {S} a street, {L} a lake or stream, {T} the
 * other unit of a handoff, {N} a count, {Q} a percentage.
 */
struct demo_task {
	const char *lead;	/* "W": a ward or commune; else a unit code */
	const char *field;	/* one line of fields.txt; NULL: none of them */
	const char *title;
	const char *result;
	const char *support;	/* "W": the ward concerned; a unit code; NULL */
	const char *part;
};

#define F_PLAN "Quy hoạch"
#define F_INVEST "Đầu tư công"
#define F_CLEAR "Bồi thường, giải phóng mặt bằng, tái định cư"
#define F_BUILD "Quản lý trật tự xây dựng"
#define F_URBAN "Quản lý trật tự đô thị"
#define F_PROC "Thủ tục hành chính"
#define F_LAND "Đất đai"
#define F_MINE "Tài nguyên, khoáng sản"
#define F_HEALTH "Y tế"
#define F_EDU "Giáo dục"
#define F_TAX "Thuế"
#define F_BID "Đấu thầu, đấu giá"

static const struct demo_task demo_tasks[] = {
	/* wards and communes */
	{ "W", F_BUILD, "Kiểm tra, xử lý công trình xây dựng không phép tại {}",
	  "Biên bản kiểm tra và Quyết định xử phạt vi phạm hành chính",
	  "DTTDT", "Phối hợp kiểm tra hiện trường, đo đạc phần diện tích vi phạm" },
	{ "W", F_BUILD, "Rà soát nhà kính, nhà lưới dựng trái phép trên đất nông nghiệp tại {}",
	  "Báo cáo kết quả rà soát kèm danh sách hộ vi phạm và đề xuất xử lý",
	  "TNMT", "Đối chiếu bản đồ địa chính, xác định loại đất" },
	{ "W", F_BUILD, "Xử lý dứt điểm công trình xây dựng sai giấy phép đã có kết luận tại {}",
	  "Báo cáo kết quả khắc phục hậu quả vi phạm",
	  "QLDT", "Cung cấp hồ sơ cấp phép, xác định phần xây dựng sai phép" },
	{ "W", F_URBAN, "Ra quân lập lại trật tự vỉa hè, lòng đường tại {}",
	  "Báo cáo kết quả ra quân và biện pháp duy trì",
	  "DTTDT", "Bố trí lực lượng phối hợp ra quân" },
	{ "W", F_URBAN, "Xử lý điểm tập kết rác thải tự phát tại {}",
	  "Báo cáo kết quả xử lý kèm hình ảnh trước và sau", NULL, NULL },
	{ "W", F_URBAN, "Xử lý tình trạng kinh doanh lấn chiếm hành lang an toàn giao thông tại {}",
	  "Báo cáo kết quả xử lý và danh sách hộ cam kết", NULL, NULL },
	{ "W", F_PLAN, "Lấy ý kiến cộng đồng dân cư về đồ án điều chỉnh quy hoạch phân khu tại {}",
	  "Báo cáo tổng hợp ý kiến cộng đồng dân cư",
	  "QLDT", "Cung cấp hồ sơ đồ án, cử cán bộ giải trình tại hội nghị" },
	{ "W", F_PLAN, "Công bố công khai quy hoạch chi tiết được duyệt và cắm mốc giới tại {}",
	  "Báo cáo kết quả công bố và biên bản bàn giao mốc giới", NULL, NULL },
	{ "W", F_INVEST, "Vận động nhân dân hiến đất mở rộng hẻm tại {}",
	  "Báo cáo kết quả vận động kèm danh sách hộ hiến đất", NULL, NULL },
	{ "W", F_INVEST, "Giám sát cộng đồng công trình nâng cấp hệ thống thoát nước tại {}",
	  "Báo cáo kết quả giám sát đầu tư của cộng đồng",
	  "BQLDA", "Cung cấp hồ sơ thiết kế và tiến độ thi công" },
	{ "W", F_CLEAR, "Xác nhận nguồn gốc, quá trình sử dụng đất của các hộ bị ảnh hưởng dự án {P}",
	  "Văn bản xác nhận nguồn gốc đất của từng hộ",
	  "TTPTQD", "Cung cấp danh sách hộ bị ảnh hưởng và trích đo địa chính" },
	{ "W", F_CLEAR, "Vận động các hộ còn lại bàn giao mặt bằng dự án {P}",
	  "Biên bản bàn giao mặt bằng của từng hộ",
	  "TTPTQD", "Chi trả tiền bồi thường cho các hộ đã ký nhận" },
	{ "W", F_PROC, "Giải quyết dứt điểm hồ sơ thủ tục hành chính trễ hạn tại bộ phận một cửa {U}",
	  "Báo cáo nguyên nhân trễ hạn và văn bản xin lỗi người dân", NULL, NULL },
	{ "W", F_PROC, "Số hóa sổ hộ tịch lưu trữ tại {U}",
	  "Báo cáo kết quả số hóa dữ liệu hộ tịch",
	  "TP", "Hướng dẫn nghiệp vụ, kiểm tra dữ liệu sau số hóa" },
	{ "W", F_LAND, "Xác minh, hòa giải đơn tranh chấp đất đai của công dân tại {}",
	  "Báo cáo xác minh và biên bản hòa giải", NULL, NULL },
	{ "W", F_LAND, "Kiểm tra việc sử dụng đất sai mục đích tại {}",
	  "Báo cáo kết quả kiểm tra và đề xuất xử lý",
	  "TNMT", "Xác định loại đất, đối chiếu quy hoạch sử dụng đất" },
	{ "W", F_MINE, "Kiểm tra, ngăn chặn khai thác đất, cát trái phép tại {}",
	  "Báo cáo kết quả kiểm tra, xử lý vi phạm", NULL, NULL },
	{ "W", F_MINE, "Tuần tra bảo vệ rừng thông, phòng cháy chữa cháy rừng mùa khô tại {}",
	  "Báo cáo kết quả tuần tra và phương án phòng cháy",
	  "KT", "Hướng dẫn nghiệp vụ, kiểm tra phương án phòng cháy" },
	{ "W", F_HEALTH, "Triển khai chiến dịch phòng chống sốt xuất huyết tại {}",
	  "Báo cáo kết quả chiến dịch",
	  "YT", "Cung cấp hóa chất, hướng dẫn phun diệt muỗi" },
	{ "W", F_EDU, "Vận động trẻ em trong độ tuổi ra lớp tại {}",
	  "Báo cáo kết quả vận động kèm danh sách trẻ ra lớp",
	  "GDDT", "Tiếp nhận, bố trí lớp cho trẻ được vận động" },
	{ "W", F_TAX, "Rà soát hộ kinh doanh chưa kê khai thuế tại {}",
	  "Danh sách hộ kinh doanh và biên bản làm việc", NULL, NULL },
	{ "W", F_TAX, "Đôn đốc các hộ nợ thuế sử dụng đất phi nông nghiệp tại {U}",
	  "Báo cáo kết quả thu nợ thuế",
	  "TCKH", "Cung cấp danh sách hộ nợ thuế và số tiền nợ" },
	{ "W", F_BID, "Bàn giao trên thực địa lô đất đã đấu giá thành công tại {}",
	  "Biên bản bàn giao đất trên thực địa",
	  "TTPTQD", "Cung cấp hồ sơ lô đất và quyết định công nhận kết quả đấu giá" },
	/* departments */
	{ "QLDT", F_PLAN, "Thẩm định điều chỉnh cục bộ quy hoạch chi tiết khu dân cư tại {}",
	  "Tờ trình và dự thảo Quyết định phê duyệt điều chỉnh cục bộ quy hoạch",
	  "TNMT", "Ý kiến về hiện trạng sử dụng đất" },
	{ "QLDT", F_BUILD, "Giải quyết hồ sơ cấp giấy phép xây dựng quá hạn tại {}",
	  "Giấy phép xây dựng hoặc văn bản trả lời người dân",
	  "W", "Xác nhận hiện trạng công trình" },
	{ "QLDT", F_PLAN, "Rà soát các đồ án quy hoạch chậm triển khai trên địa bàn thành phố",
	  "Báo cáo rà soát và đề xuất điều chỉnh, hủy bỏ quy hoạch",
	  "TNMT", "Rà soát kế hoạch sử dụng đất liên quan" },
	{ "QLDT", F_URBAN, "Chỉnh trang biển hiệu, quảng cáo dọc {S}",
	  "Báo cáo kết quả chỉnh trang",
	  "VHTT", "Rà soát giấy phép quảng cáo" },
	{ "DTTDT", F_BUILD, "Cưỡng chế tháo dỡ công trình vi phạm trật tự xây dựng tại {}",
	  "Báo cáo kết quả cưỡng chế",
	  "W", "Vận động hộ vi phạm tự tháo dỡ, bố trí lực lượng bảo vệ" },
	{ "DTTDT", F_URBAN, "Tuần tra, xử lý vi phạm trật tự đô thị về đêm tại {}",
	  "Báo cáo kết quả tuần tra, xử lý vi phạm", NULL, NULL },
	{ "TNMT", F_LAND, "Giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất tồn đọng tại {W}",
	  "Báo cáo kết quả giải quyết hồ sơ tồn đọng",
	  "W", "Xác nhận hiện trạng, tình trạng tranh chấp của thửa đất" },
	{ "TNMT", F_MINE, "Xử lý ô nhiễm nguồn nước {L}",
	  "Báo cáo kết quả quan trắc và phương án xử lý",
	  "QLDT", "Rà soát các điểm xả thải của hệ thống thoát nước" },
	{ "TNMT", F_LAND, "Rà soát quỹ đất công do Nhà nước quản lý trên địa bàn thành phố",
	  "Báo cáo danh mục quỹ đất công và phương án sử dụng",
	  "TTPTQD", "Cung cấp danh mục các khu đất đang quản lý" },
	{ "TTPTQD", F_CLEAR, "Lập phương án bồi thường, hỗ trợ, tái định cư dự án {P}",
	  "Phương án bồi thường trình Hội đồng thẩm định",
	  "W", "Xác nhận nguồn gốc đất, thời điểm sử dụng đất" },
	{ "TTPTQD", F_CLEAR, "Giải quyết kiến nghị của hộ dân về đơn giá bồi thường dự án {P}",
	  "Văn bản trả lời công dân", NULL, NULL },
	{ "TTPTQD", F_BID, "Tổ chức đấu giá quyền sử dụng đất các lô đất tại {}",
	  "Quyết định công nhận kết quả đấu giá",
	  "TCKH", "Xác định giá khởi điểm" },
	{ "BQLDA", F_INVEST, "Đẩy nhanh tiến độ thi công dự án {P}",
	  "Báo cáo tiến độ và giá trị giải ngân",
	  "TCKH", "Bố trí vốn, thanh toán khối lượng hoàn thành" },
	{ "BQLDA", F_INVEST, "Hoàn thiện hồ sơ quyết toán dự án hoàn thành {P}",
	  "Hồ sơ quyết toán trình thẩm tra", NULL, NULL },
	{ "BQLDA", F_BID, "Lựa chọn nhà thầu gói thầu xây lắp dự án {P}",
	  "Quyết định phê duyệt kết quả lựa chọn nhà thầu", NULL, NULL },
	{ "TCKH", F_INVEST, "Tham mưu điều chỉnh kế hoạch đầu tư công năm nay của thành phố",
	  "Tờ trình và dự thảo Nghị quyết điều chỉnh kế hoạch đầu tư công",
	  "BQLDA", "Báo cáo khối lượng thực hiện và nhu cầu vốn từng dự án" },
	{ "TCKH", F_INVEST, "Báo cáo tình hình giải ngân vốn đầu tư công, đề xuất điều chuyển vốn",
	  "Báo cáo giải ngân và danh mục điều chuyển vốn", NULL, NULL },
	{ "TCKH", F_TAX, "Đôn đốc thu hồi nợ thuế, phí trên địa bàn thành phố",
	  "Báo cáo kết quả thu hồi nợ đọng", NULL, NULL },
	{ "VP", F_PROC, "Rà soát, công khai thủ tục hành chính trên Cổng dịch vụ công",
	  "Báo cáo rà soát và danh mục thủ tục được công khai", NULL, NULL },
	{ "VP", F_PROC, "Tổng hợp tình hình giải quyết hồ sơ trễ hạn của các phòng, đơn vị",
	  "Báo cáo tổng hợp và đề xuất xử lý trách nhiệm",
	  "NV", "Đề xuất hình thức xử lý trách nhiệm cá nhân" },
	{ "NV", F_PROC, "Khảo sát mức độ hài lòng của người dân đối với dịch vụ hành chính công",
	  "Báo cáo kết quả khảo sát", NULL, NULL },
	{ "NV", NULL, "Rà soát, sắp xếp vị trí việc làm của công chức phường, xã",
	  "Đề án vị trí việc làm trình UBND thành phố", NULL, NULL },
	{ "TP", F_PROC, "Kiểm tra công tác chứng thực, hộ tịch tại {W}",
	  "Kết luận kiểm tra", "W", "Chuẩn bị hồ sơ, sổ sách phục vụ kiểm tra" },
	{ "TP", F_BUILD, "Thẩm định dự thảo quy định quản lý trật tự xây dựng trên địa bàn thành phố",
	  "Báo cáo thẩm định", NULL, NULL },
	{ "KT", F_MINE, "Kiểm tra công tác bảo vệ rừng, phòng cháy chữa cháy rừng tại {W}",
	  "Báo cáo kết quả kiểm tra", "W", "Báo cáo phương án và lực lượng tại chỗ" },
	{ "KT", F_PLAN, "Rà soát diện tích nhà kính phục vụ quy hoạch vùng nông nghiệp công nghệ cao",
	  "Báo cáo rà soát kèm bản đồ hiện trạng", NULL, NULL },
	{ "VHTT", F_URBAN, "Kiểm tra hoạt động quảng cáo ngoài trời dọc {S}",
	  "Báo cáo kết quả kiểm tra và danh sách biển quảng cáo vi phạm", NULL, NULL },
	{ "VHTT", NULL, "Tổ chức tuyên truyền Festival Hoa Đà Lạt",
	  "Kế hoạch tuyên truyền và báo cáo kết quả", NULL, NULL },
	{ "GDDT", F_EDU, "Rà soát cơ sở vật chất trường học trước năm học mới",
	  "Báo cáo rà soát và đề xuất sửa chữa",
	  "TCKH", "Cân đối nguồn kinh phí sửa chữa" },
	{ "GDDT", F_EDU, "Kiểm tra việc dạy thêm, học thêm trên địa bàn thành phố",
	  "Báo cáo kết quả kiểm tra", NULL, NULL },
	{ "YT", F_HEALTH, "Kiểm tra an toàn thực phẩm tại các cơ sở kinh doanh ăn uống khu vực {}",
	  "Báo cáo kết quả kiểm tra, xử lý vi phạm",
	  "W", "Cử cán bộ phối hợp, cung cấp danh sách cơ sở" },
	{ "YT", F_HEALTH, "Rà soát người dân chưa tham gia bảo hiểm y tế hộ gia đình",
	  "Báo cáo rà soát và kế hoạch vận động", NULL, NULL },
	{ "LDTBXH", NULL, "Rà soát hộ nghèo, hộ cận nghèo tại {W}",
	  "Danh sách hộ nghèo, hộ cận nghèo được phê duyệt",
	  "W", "Tổ chức bình xét tại thôn, tổ dân phố" },
	{ "LDTBXH", NULL, "Chi trả trợ cấp xã hội qua tài khoản ngân hàng",
	  "Báo cáo kết quả chi trả", NULL, NULL },
	{ "TTRA", F_LAND, "Thanh tra việc quản lý, sử dụng đất công tại {W}",
	  "Kết luận thanh tra", "TNMT", "Cung cấp hồ sơ địa chính các khu đất công" },
	{ "TTRA", F_PROC, "Xác minh đơn tố cáo việc chậm giải quyết hồ sơ tại {W}",
	  "Báo cáo kết quả xác minh và kết luận nội dung tố cáo", NULL, NULL },
	/* party bodies */
	{ "UBKT", F_LAND, "Kiểm tra dấu hiệu vi phạm trong quản lý đất đai của Đảng ủy {W}",
	  "Báo cáo kết quả kiểm tra khi có dấu hiệu vi phạm", NULL, NULL },
	{ "UBKT", NULL, "Giám sát việc thực hiện trách nhiệm người đứng đầu trong tiếp công dân",
	  "Báo cáo kết quả giám sát chuyên đề", NULL, NULL },
	{ "BTC", NULL, "Rà soát, đánh giá cán bộ có biểu hiện né tránh, đùn đẩy trách nhiệm",
	  "Báo cáo đánh giá và đề xuất xử lý",
	  "UBKT", "Cung cấp kết quả kiểm tra, giám sát liên quan" },
	{ "BTG", F_CLEAR, "Nắm tình hình dư luận về công tác giải phóng mặt bằng dự án {P}",
	  "Báo cáo tình hình tư tưởng, dư luận xã hội", NULL, NULL },
	{ "VPTU", NULL, "Tổng hợp báo cáo chuyên đề về tình trạng đùn đẩy, né tránh trách nhiệm",
	  "Báo cáo chuyên đề trình Ban Thường vụ Thành ủy",
	  "BTC", "Tổng hợp kết quả đánh giá cán bộ" },
};

#define DEMO_NTASKS ((int)(sizeof(demo_tasks) / sizeof(demo_tasks[0])))

/* What people write, by occasion. */
static const char *const demo_notes[] = {
	"Đã kiểm tra hiện trường, lập biên bản ghi nhận hiện trạng.",
	"Đã làm việc với {N} hộ dân liên quan; phần lớn thống nhất chủ trương.",
	"Đã gửi văn bản xin ý kiến các phòng chuyên môn, đang chờ phản hồi.",
	"Đang tổng hợp số liệu, dự kiến hoàn thành dự thảo báo cáo trong tuần.",
	"Đã trình lãnh đạo đơn vị cho ý kiến dự thảo.",
	"Đã tổ chức họp tổ dân phố, phổ biến nội dung đến người dân.",
	"Đã phối hợp với công an phường kiểm tra thực địa.",
	"Hoàn thành khoảng {Q}% khối lượng; còn vướng ý kiến của một số hộ.",
	"Đã ban hành văn bản đôn đốc, giao từng cán bộ phụ trách địa bàn.",
	"Đã tiếp nhận hồ sơ, phân công cán bộ thụ lý.",
	"Đã đối chiếu hồ sơ địa chính; {N} thửa có sai lệch diện tích cần xác minh thêm.",
	"Đã mời các hộ liên quan đến làm việc lần 2; {N} hộ chưa đến.",
};

static const char *const demo_support_notes[] = {
	"Đã cử cán bộ phối hợp, cung cấp hồ sơ theo phần việc được giao.",
	"Đã gửi ý kiến chuyên môn về đơn vị chủ trì.",
	"Đã hoàn thành phần việc phối hợp, gửi kết quả cho đơn vị chủ trì.",
};

static const char *const demo_deliver_notes[] = {
	"Đã gửi hồ sơ địa chính và trích lục bản đồ cho đơn vị chủ trì.",
	"Đã có văn bản góp ý chuyên môn gửi đơn vị chủ trì.",
	"Đã cử cán bộ tham gia đoàn kiểm tra, gửi biên bản cho đơn vị chủ trì.",
};

static const char *const demo_done_notes[] = {
	"Đã hoàn thành; gửi kèm Báo cáo số {N}/BC-UBND.",
	"Đã hoàn thành, kết quả lưu trong hồ sơ nhiệm vụ.",
	"Đã ban hành văn bản, gửi các đơn vị liên quan.",
	"Đã xử lý dứt điểm; đính kèm biên bản và hình ảnh hiện trường.",
};

static const char *const demo_transfer_reasons[] = {
	"Nội dung thuộc chức năng, nhiệm vụ của {T} theo quy chế làm việc; đề nghị {T} chủ trì.",
	"Địa điểm thuộc địa bàn {T} quản lý; đề nghị chuyển để xử lý đúng thẩm quyền.",
	"Đơn vị không có chuyên môn về lĩnh vực này; đề nghị {T} chủ trì, đơn vị sẽ phối hợp.",
	"Hồ sơ gốc đang do {T} lưu giữ và theo dõi; đề nghị {T} chủ trì.",
};

static const char *const demo_escalate_reasons[] = {
	"Vượt thẩm quyền của đơn vị; đề nghị {T} chỉ đạo giải quyết.",
	"Liên quan nhiều ngành, nhiều địa bàn; đề nghị {T} trực tiếp chủ trì.",
	"Cần quyết định về chủ trương đầu tư, ngoài thẩm quyền của đơn vị; đề nghị {T} xem xét.",
	"Người dân khiếu nại kéo dài; đề nghị {T} trực tiếp đối thoại, giải quyết.",
};

static const char *const demo_escalate_rejections[] = {
	"Nội dung thuộc thẩm quyền của đơn vị theo phân cấp; đề nghị chủ động giải quyết, báo cáo kết quả.",
	"Đã có văn bản phân công cụ thể; không nhận lại. Đơn vị tổ chức thực hiện, khó khăn báo cáo cụ thể.",
	"Chưa thấy đơn vị nỗ lực xử lý; đề nghị làm rõ vướng mắc trước khi đề xuất.",
};

static const char *const demo_transfer_rejections[] = {
	"Nội dung không thuộc chức năng của đơn vị; đơn vị sẵn sàng phối hợp khi được đề nghị.",
	"Địa điểm không thuộc địa bàn quản lý của đơn vị.",
	"Hồ sơ đã được bàn giao đầy đủ; đề nghị đơn vị chủ trì tiếp tục thực hiện.",
};

static const char *const demo_return_reasons[] = {
	"Nội dung giao chưa rõ phạm vi; đề nghị người giao xác định lại đơn vị chủ trì.",
	"Nhiệm vụ không thuộc chức năng của đơn vị; đề nghị giao đơn vị chuyên môn.",
};

static const char *const demo_return_rejections[] = {
	"Giao đúng chức năng, nhiệm vụ; đơn vị tổ chức thực hiện, phòng chuyên môn sẽ hướng dẫn.",
	"Phạm vi đã nêu rõ trong kế hoạch; đề nghị đơn vị triển khai ngay.",
};

static const char *const demo_extend_reasons[] = {
	"Chờ ý kiến thẩm định của Sở Xây dựng.",
	"Số hộ chưa đồng thuận còn nhiều, cần thêm thời gian vận động.",
	"Mưa kéo dài, chưa thể kiểm tra, đo đạc hiện trường.",
	"Cần thêm thời gian đối chiếu hồ sơ địa chính qua nhiều thời kỳ.",
	"Đơn vị phối hợp chưa gửi số liệu.",
};

static const char *const demo_refusals[] = {
	"Đề nghị tập trung nhân lực hoàn thành đúng hạn; không gia hạn.",
	"Lý do chưa thuyết phục; thời hạn đã tính đủ khối lượng công việc.",
};

static const char *const demo_reopen_reasons[] = {
	"Báo cáo chưa có số liệu cụ thể từng hộ; đề nghị bổ sung.",
	"Kết quả chưa xử lý dứt điểm, hiện trường còn vi phạm.",
	"Thiếu biên bản làm việc với các hộ liên quan; đề nghị hoàn thiện hồ sơ.",
};

static const char *const demo_redirect_reasons[] = {
	"Điều chỉnh phân công theo Quy chế làm việc của UBND thành phố.",
	"Giao {T} chủ trì cho đúng chức năng, nhiệm vụ.",
	"Theo kết luận giao ban, chuyển {T} chủ trì thực hiện.",
};

static const char *const demo_cancel_reasons[] = {
	"Dự án đã dừng triển khai theo chủ trương của UBND tỉnh.",
	"Nội dung đã được giải quyết trong nhiệm vụ khác.",
	"Người dân đã rút đơn; không còn nội dung cần xử lý.",
	"Trùng với kế hoạch của Sở; hủy để tránh chồng chéo.",
};

#define PICK(d, list) ((list)[demo_rnd((d), 0, (int)(sizeof(list) / sizeof((list)[0])) - 1)])

/* --- people ------------------------------------------------------------ */

struct demo_given {
	const char *name, *ascii;
};

static const char *const demo_families[] = {
	"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn",
	"Trần", "Trần", "Trần", "Lê", "Lê", "Lê", "Phạm", "Phạm", "Hoàng",
	"Huỳnh", "Phan", "Vũ", "Võ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
	"Dương", "Lý",
};

static const char *const demo_middle_m[] = {
	"Văn", "Văn", "Hữu", "Minh", "Đức", "Quang", "Thanh", "Công", "Ngọc",
};

static const char *const demo_middle_f[] = {
	"Thị", "Thị", "Thị", "Ngọc", "Thanh", "Minh", "Thu", "Kim", "Phương",
};

static const struct demo_given demo_given_m[] = {
	{ "Trường", "truong" }, { "Hùng", "hung" }, { "Dũng", "dung" },
	{ "Tuấn", "tuan" }, { "Sơn", "son" }, { "Hải", "hai" }, { "Long", "long" },
	{ "Phong", "phong" }, { "Quân", "quan" }, { "Thắng", "thang" },
	{ "Tùng", "tung" }, { "Khoa", "khoa" }, { "Bình", "binh" },
	{ "Cường", "cuong" }, { "Hiếu", "hieu" }, { "Nam", "nam" },
	{ "Phúc", "phuc" }, { "Tài", "tai" }, { "Thịnh", "thinh" },
	{ "Vinh", "vinh" }, { "Đạt", "dat" }, { "Hoàng", "hoang" },
	{ "Khánh", "khanh" }, { "Lâm", "lam" }, { "Nghĩa", "nghia" },
	{ "Tâm", "tam" }, { "Toàn", "toan" }, { "Trí", "tri" },
};

static const struct demo_given demo_given_f[] = {
	{ "Lan", "lan" }, { "Hoa", "hoa" }, { "Mai", "mai" }, { "Hương", "huong" },
	{ "Hằng", "hang" }, { "Linh", "linh" }, { "Ngân", "ngan" },
	{ "Nhung", "nhung" }, { "Phượng", "phuong" }, { "Thảo", "thao" },
	{ "Trang", "trang" }, { "Uyên", "uyen" }, { "Vy", "vy" }, { "Yến", "yen" },
	{ "Hạnh", "hanh" }, { "Thủy", "thuy" }, { "Hà", "ha" }, { "Loan", "loan" },
	{ "Liên", "lien" }, { "Nga", "nga" }, { "Oanh", "oanh" },
	{ "Quyên", "quyen" }, { "Tuyết", "tuyet" }, { "Vân", "van" },
	{ "Châu", "chau" },
};

struct demo_person {
	char login[64];
	char name[96];
	int unit;		/* index in demo_units; -1: none */
};

struct demo_unit {
	int parent;		/* index, -1 for a root */
	int root;		/* DL or TU */
	int head;		/* person index */
	int members[DEMO_MEMBERS_MAX];	/* everyone but the head */
	int nmembers;
};

/* --- the script ------------------------------------------------------- */

enum demo_act {
	ACT_CREATE, ACT_ASSIGN, ACT_TRANSFER, ACT_ESCALATE, ACT_RETURN,
	ACT_ACCEPT, ACT_REJECT, ACT_PROGRESS, ACT_EXTEND, ACT_APPROVE,
	ACT_REFUSE, ACT_DONE, ACT_CONFIRM, ACT_REOPEN, ACT_REDIRECT, ACT_CANCEL,
	ACT_DELIVER
};

static const char *const demo_act_names[] = {
	"create", "assign", "transfer", "escalate", "return", "accept",
	"reject", "progress", "extend", "approve", "refuse", "done", "confirm",
	"reopen", "redirect", "cancel", "deliver"
};

struct demo_step {
	day_t day;
	int sec;		/* seconds after local midnight */
	int duty, seq;		/* the duty and the step's place in its script */
	enum demo_act act;
	int actor;		/* person index */
	int unit;		/* unit index, or -1 */
	int who;		/* person index (new owner), or -1 */
	const char *text;
	day_t date;		/* an extension's new deadline */
};

struct demo_duty {
	int lead, owner, assigner;	/* at creation */
	day_t due;
	const char *title, *result, *basis, *field, *note;
	int nsupport;
	int support[2];
	const char *part[2];
	char ref[DUTY_REF_SIZE];
	/* while the script is written: where the duty stands */
	int unit, holder, pending;
	day_t deadline, last_day;
	int last_sec, nsteps;
};

struct demo_chunk {
	struct demo_chunk *next;
	size_t used;
	char buf[DEMO_CHUNK];
};

struct demo {
	struct session *s;
	uint64_t rng;
	day_t back[DEMO_BACK + 1], ahead[DEMO_AHEAD + 1];
	struct demo_person people[DEMO_PEOPLE_MAX];
	int npeople;
	int me;			/* the person index of the acting login */
	int acting;		/* whose record s->me holds; -1: nobody's */
	struct demo_unit units[DEMO_NUNITS];
	struct demo_duty *duties;
	int nduties;
	struct demo_step *steps;
	size_t nsteps, cap;
	struct demo_chunk *pool;
	int oom;
};

/* xorshift64*: the same numbers on every machine, unlike rand(). */
static uint64_t
demo_next(struct demo *d)
{
	uint64_t x = d->rng;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	d->rng = x;
	return x * 0x2545f4914f6cdd1dULL;
}

/* A number from lo to hi, both included; lo when hi < lo. */
static int
demo_rnd(struct demo *d, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int)(demo_next(d) % (uint64_t)(hi - lo + 1));
}

static int
demo_chance(struct demo *d, int percent)
{
	return demo_rnd(d, 1, 100) <= percent;
}

static int
demo_min(int a, int b)
{
	return a < b ? a : b;
}

static int
demo_max(int a, int b)
{
	return a > b ? a : b;
}

/* --- text -------------------------------------------------------------- */

static const char *
demo_keep(struct demo *d, const char *text, size_t len)
{
	struct demo_chunk *c = d->pool;
	char *p;

	if (len >= DEMO_CHUNK) {
		d->oom = 1;
		return "";
	}
	if (c == NULL || c->used + len + 1 > DEMO_CHUNK) {
		if ((c = malloc(sizeof(*c))) == NULL) {
			d->oom = 1;
			return "";
		}
		c->next = d->pool;
		c->used = 0;
		d->pool = c;
	}
	p = c->buf + c->used;
	memcpy(p, text, len);
	p[len] = '\0';
	c->used += len + 1;
	return p;
}

__attribute__((format(printf, 2, 3)))
static const char *
demo_printf(struct demo *d, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	buf[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return demo_keep(d, buf, strlen(buf));
}

struct demo_subst {
	const char *place, *unit, *ward, *project, *street, *water, *target;
};

/* The template with its {x} markers replaced (see struct demo_task). */
static const char *
demo_fill(struct demo *d, const char *tmpl, const struct demo_subst *sub)
{
	char buf[1024], num[16];
	size_t len = 0;

	for (const char *p = tmpl; *p != '\0';) {
		const char *val = NULL;
		size_t skip = 0, n;

		if (p[0] == '{' && p[1] == '}') {
			val = sub->place;
			skip = 2;
		} else if (p[0] == '{' && p[1] != '\0' && p[2] == '}') {
			skip = 3;
			switch (p[1]) {
			case 'U': val = sub->unit; break;
			case 'W': val = sub->ward; break;
			case 'P': val = sub->project; break;
			case 'S': val = sub->street; break;
			case 'L': val = sub->water; break;
			case 'T': val = sub->target; break;
			case 'N':
				snprintf(num, sizeof(num), "%d", demo_rnd(d, 3, 24));
				val = num;
				break;
			case 'Q':
				snprintf(num, sizeof(num), "%d", 5 * demo_rnd(d, 6, 18));
				val = num;
				break;
			default:
				skip = 0;
			}
		}
		if (skip == 0) {
			val = p;
			n = 1;
			skip = 1;
		} else {
			if (val == NULL)
				val = "";
			n = strlen(val);
		}
		if (len + n >= sizeof(buf))
			break;
		memcpy(buf + len, val, n);
		len += n;
		p += skip;
	}
	buf[len] = '\0';
	return demo_keep(d, buf, len);
}

/* A reason or note from a list, naming the unit `target` where it says {T}. */
static const char *
demo_say(struct demo *d, const char *tmpl, int target)
{
	struct demo_subst sub = { 0 };

	sub.target = target >= 0 ? demo_units[target].name : "";
	return demo_fill(d, tmpl, &sub);
}

/* --- units and people ---------------------------------------------------- */

static int
demo_unit_index(const char *code)
{
	for (int i = 0; i < DEMO_NUNITS; i++)
		if (strcmp(demo_units[i].code, code) == 0)
			return i;
	return -1;
}

static int
demo_is_local(int u)
{
	return strcmp(demo_units[u].kind, "ward") == 0 ||
	    strcmp(demo_units[u].kind, "commune") == 0;
}

/* 1 when a is b or one of b's ancestors. */
static int
demo_above(const struct demo *d, int a, int b)
{
	for (int u = b; u >= 0; u = d->units[u].parent)
		if (u == a)
			return 1;
	return 0;
}

static int
demo_login_taken(const struct demo *d, const char *login)
{
	for (int i = 0; i < d->npeople; i++)
		if (strcmp(d->people[i].login, login) == 0)
			return 1;
	return 0;
}

/* A new official of unit u: a Vietnamese name and a login "unit.given". */
static int
demo_person_new(struct demo *d, int u)
{
	struct demo_person *p = &d->people[d->npeople];
	const struct demo_given *g;
	const char *family, *middle;
	char base[16];
	size_t n;

	if (demo_chance(d, 50)) {
		middle = PICK(d, demo_middle_m);
		g = &demo_given_m[demo_rnd(d, 0, (int)(sizeof(demo_given_m) / sizeof(demo_given_m[0])) - 1)];
	} else {
		middle = PICK(d, demo_middle_f);
		g = &demo_given_f[demo_rnd(d, 0, (int)(sizeof(demo_given_f) / sizeof(demo_given_f[0])) - 1)];
	}
	family = PICK(d, demo_families);
	snprintf(p->name, sizeof(p->name), "%s %s %s", family, middle, g->name);
	n = 0;
	for (const char *c = demo_units[u].code; *c != '\0' && n < 12; c++)
		base[n++] = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
	base[n] = '\0';
	snprintf(p->login, sizeof(p->login), "%s.%s", base, g->ascii);
	for (int k = 2; demo_login_taken(d, p->login); k++)
		snprintf(p->login, sizeof(p->login), "%s.%s%d", base, g->ascii, k);
	p->unit = u;
	return d->npeople++;
}

static enum rv_code
demo_org(struct demo *d, struct rv_err *err)
{
	struct session *s = d->s;
	int p1 = demo_unit_index("P1"), old_head = -1;
	enum rv_code rc;

	/* The acting login first, so that no generated login takes its name. */
	d->me = d->npeople++;
	snprintf(d->people[d->me].login, sizeof(d->people[d->me].login), "%s",
	    s->me.login);
	d->people[d->me].unit = p1;
	for (int u = 0; u < DEMO_NUNITS; u++) {
		const struct demo_unit_def *def = &demo_units[u];
		struct demo_unit *du = &d->units[u];
		int officers;

		du->parent = def->parent != NULL ? demo_unit_index(def->parent) : -1;
		du->root = du->parent < 0 ? u : d->units[du->parent].root;
		if ((rc = org_unit_add(s, def->code, def->name, def->parent,
		    def->kind, NULL, err)) != RV_OK)
			return rc;
		du->head = demo_person_new(d, u);
		if ((rc = org_person_add(s, d->people[du->head].login,
		    d->people[du->head].name, def->code, "head", NULL, err)) != RV_OK)
			return rc;
		officers = demo_rnd(d, 2, 4);
		for (int k = 0; k < officers; k++) {
			int p = demo_person_new(d, u);

			du->members[du->nmembers++] = p;
			if ((rc = org_person_add(s, d->people[p].login,
			    d->people[p].name, def->code, "officer", NULL, err)) != RV_OK)
				return rc;
		}
	}
	for (int k = 0; k < 2; k++) {
		int u = demo_unit_index(k == 0 ? "TTRA" : "UBKT");
		int p = demo_person_new(d, u);

		if ((rc = org_person_add(s, d->people[p].login, d->people[p].name,
		    demo_units[u].code, "inspector", NULL, err)) != RV_OK)
			return rc;
	}
	/* The acting login heads Phường 1, so its own board is full at once;
	 * the head generated for it stays there as an officer. */
	old_head = d->units[p1].head;
	if ((rc = org_person_set(s, s->me.login, NULL, "P1", "admin", NULL, NULL, err)) != RV_OK ||
	    (rc = org_unit_set_head(s, "P1", s->me.login, err)) != RV_OK ||
	    (rc = org_person_set(s, d->people[old_head].login, NULL, NULL,
	    "officer", NULL, NULL, err)) != RV_OK)
		return rc;
	d->units[p1].head = d->me;
	d->units[p1].members[d->units[p1].nmembers++] = old_head;
	return RV_OK;
}

/* --- days ---------------------------------------------------------------- */

static void
demo_days(struct demo *d, day_t today)
{
	const struct calendar *cal = &d->s->rules.cal;
	day_t day = today;

	d->back[0] = today;
	for (int a = 1; a <= DEMO_BACK; a++) {
		do
			day--;
		while (!dates_is_working(day, cal));
		d->back[a] = day;
	}
	day = today;
	d->ahead[0] = today;
	for (int a = 1; a <= DEMO_AHEAD; a++) {
		do
			day++;
		while (!dates_is_working(day, cal));
		d->ahead[a] = day;
	}
}

/* The working day a working days ago; -a ahead when a < 0; today for 0. */
static day_t
demo_day(const struct demo *d, int a)
{
	if (a >= 0)
		return d->back[demo_min(a, DEMO_BACK)];
	return d->ahead[demo_min(-a, DEMO_AHEAD)];
}

static time_t
demo_moment(day_t day, int sec)
{
	struct tm tm = { 0 };
	int y, m, dd;

	dates_to_ymd(day, &y, &m, &dd);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = dd;
	tm.tm_hour = sec / 3600;
	tm.tm_min = sec / 60 % 60;
	tm.tm_sec = sec % 60;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* --- writing scripts ----------------------------------------------------- */

/* The thresholds of the flags, in working days ago, so that the demo shows
 * them under the configured rules too. */
static int
demo_stalled_ago(const struct demo *d)
{
	return demo_max(8, d->s->rules.stalled_days + 1);
}

static int
demo_unanswered_ago(const struct demo *d)
{
	return demo_max(5, d->s->rules.unanswered_days + 1);
}

/* The last progress of a healthy duty: recent enough not to be stalled. */
static int
demo_recent(struct demo *d)
{
	int fresh = demo_max(1, demo_min(4, d->s->rules.stalled_days - 2));

	return demo_rnd(d, demo_min(2, fresh), fresh);
}

/* A deadline comfortably ahead, not due soon. */
static day_t
demo_far(struct demo *d)
{
	return demo_day(d, -(demo_max(0, d->s->rules.due_soon_days) + demo_rnd(d, 5, 45)));
}

static struct demo_step *
demo_step(struct demo *d, int i, int a, enum demo_act act, int actor)
{
	static struct demo_step spare;
	struct demo_duty *dd = &d->duties[i];
	struct demo_step *st;
	day_t day = demo_day(d, demo_max(a, 1));

	if (d->nsteps == d->cap) {
		size_t cap = d->cap == 0 ? 2048 : d->cap * 2;
		struct demo_step *more = realloc(d->steps, cap * sizeof(*more));

		if (more == NULL) {
			d->oom = 1;
			return &spare;
		}
		d->steps = more;
		d->cap = cap;
	}
	st = &d->steps[d->nsteps++];
	memset(st, 0, sizeof(*st));
	/* A script never goes back in time: what comes later in it happens
	 * later, on the same day a few minutes on. */
	if (day < dd->last_day)
		day = dd->last_day;
	if (day == dd->last_day)
		st->sec = demo_min(dd->last_sec + demo_rnd(d, 180, 2400), 21 * 3600);
	else
		st->sec = demo_rnd(d, 7 * 3600 + 30 * 60, 16 * 3600 + 30 * 60);
	st->day = day;
	st->duty = i;
	st->seq = dd->nsteps++;
	st->act = act;
	st->actor = actor;
	st->unit = -1;
	st->who = -1;
	st->date = DAY_NONE;
	dd->last_day = day;
	dd->last_sec = st->sec;
	return st;
}

/* Someone of unit u other than the head and other than `not`. */
static int
demo_member(struct demo *d, int u, int not)
{
	const struct demo_unit *du = &d->units[u];
	int k = demo_rnd(d, 0, du->nmembers - 1);

	if (du->members[k] == not && du->nmembers > 1)
		k = (k + 1 + demo_rnd(d, 0, du->nmembers - 2)) % du->nmembers;
	return du->members[k];
}

static void
p_create(struct demo *d, int i, int a)
{
	struct demo_duty *dd = &d->duties[i];

	demo_step(d, i, a, ACT_CREATE, dd->assigner);
}

static void
p_note(struct demo *d, int i, int a)
{
	struct demo_duty *dd = &d->duties[i];
	struct demo_subst sub = { 0 };

	demo_step(d, i, a, ACT_PROGRESS, dd->holder)->text =
	    demo_fill(d, PICK(d, demo_notes), &sub);
}

/* n notes from `from` working days ago down to `to` (the last one). */
static void
p_notes(struct demo *d, int i, int from, int to, int n)
{
	if (n <= 0)
		return;
	if (from <= to) {
		p_note(d, i, to);
		return;
	}
	for (int k = 1; k <= n; k++)
		p_note(d, i, from - (from - to) * k / n);
}

/* A note by an official of a supporting unit, if the duty has one. */
static void
p_support_note(struct demo *d, int i, int a)
{
	struct demo_duty *dd = &d->duties[i];
	int u;

	if (dd->nsupport == 0)
		return;
	u = dd->support[demo_rnd(d, 0, dd->nsupport - 1)];
	if (u == dd->unit)
		return;
	/* Half the time the supporting unit delivers its part then. */
	if (demo_chance(d, 50))
		demo_step(d, i, a, ACT_DELIVER, demo_member(d, u, -1))->text =
		    PICK(d, demo_deliver_notes);
	else
		demo_step(d, i, a, ACT_PROGRESS, demo_member(d, u, -1))->text =
		    PICK(d, demo_support_notes);
}

static void
p_transfer(struct demo *d, int i, int a, int to)
{
	struct demo_duty *dd = &d->duties[i];
	struct demo_step *st = demo_step(d, i, a, ACT_TRANSFER, dd->holder);

	st->unit = to;
	st->text = demo_say(d, PICK(d, demo_transfer_reasons), to);
	dd->pending = to;
}

static void
p_escalate(struct demo *d, int i, int a)
{
	struct demo_duty *dd = &d->duties[i];
	int to = d->units[dd->unit].parent;

	demo_step(d, i, a, ACT_ESCALATE, dd->holder)->text =
	    demo_say(d, PICK(d, demo_escalate_reasons), to);
	dd->pending = to;
}

static void
p_return(struct demo *d, int i, int a)
{
	struct demo_duty *dd = &d->duties[i];

	demo_step(d, i, a, ACT_RETURN, dd->holder)->text =
	    PICK(d, demo_return_reasons);
	dd->pending = d->people[dd->assigner].unit;
}

/* The head of the receiving unit accepts, naming `owner` (-1: someone). */
static void
p_accept(struct demo *d, int i, int a, int owner)
{
	struct demo_duty *dd = &d->duties[i];
	int to = dd->pending;
	struct demo_step *st = demo_step(d, i, a, ACT_ACCEPT, d->units[to].head);

	st->who = owner >= 0 ? owner : demo_member(d, to, -1);
	dd->unit = to;
	dd->holder = st->who;
	dd->pending = -1;
}

/* The assigner takes a returned duty back into their own hands. */
static void
p_take_back(struct demo *d, int i, int a)
{
	struct demo_duty *dd = &d->duties[i];

	demo_step(d, i, a, ACT_ACCEPT, dd->assigner);
	dd->unit = dd->pending;
	dd->holder = dd->assigner;
	dd->pending = -1;
}

static void
p_reject(struct demo *d, int i, int a, const char *reason)
{
	struct demo_duty *dd = &d->duties[i];

	demo_step(d, i, a, ACT_REJECT, d->units[dd->pending].head)->text = reason;
	dd->pending = -1;
}

static void
p_assign(struct demo *d, int i, int a, int who)
{
	struct demo_duty *dd = &d->duties[i];

	demo_step(d, i, a, ACT_ASSIGN, d->units[dd->unit].head)->who = who;
	dd->holder = who;
}

static void
p_extend(struct demo *d, int i, int a, day_t date)
{
	struct demo_duty *dd = &d->duties[i];
	struct demo_step *st = demo_step(d, i, a, ACT_EXTEND, dd->holder);

	st->date = date;
	st->text = PICK(d, demo_extend_reasons);
}

static void
p_answer_extension(struct demo *d, int i, int a, int approve, day_t date)
{
	struct demo_duty *dd = &d->duties[i];

	if (approve) {
		demo_step(d, i, a, ACT_APPROVE, dd->assigner);
		dd->deadline = date;
	} else {
		demo_step(d, i, a, ACT_REFUSE, dd->assigner)->text =
		    PICK(d, demo_refusals);
	}
}

static void
p_done(struct demo *d, int i, int a)
{
	struct demo_duty *dd = &d->duties[i];
	struct demo_subst sub = { 0 };

	demo_step(d, i, a, ACT_DONE, dd->holder)->text =
	    demo_fill(d, PICK(d, demo_done_notes), &sub);
}

static void
p_confirm(struct demo *d, int i, int a)
{
	demo_step(d, i, a, ACT_CONFIRM, d->duties[i].assigner);
}

static void
p_reopen(struct demo *d, int i, int a)
{
	demo_step(d, i, a, ACT_REOPEN, d->duties[i].assigner)->text =
	    PICK(d, demo_reopen_reasons);
}

static void
p_redirect(struct demo *d, int i, int a, int to)
{
	struct demo_duty *dd = &d->duties[i];
	struct demo_step *st = demo_step(d, i, a, ACT_REDIRECT, dd->assigner);

	st->unit = to;
	st->who = demo_member(d, to, -1);
	st->text = demo_say(d, PICK(d, demo_redirect_reasons), to);
	dd->unit = to;
	dd->holder = st->who;
	dd->pending = -1;
}

static void
p_cancel(struct demo *d, int i, int a)
{
	demo_step(d, i, a, ACT_CANCEL, d->duties[i].assigner)->text =
	    PICK(d, demo_cancel_reasons);
}

/* --- choosing units ------------------------------------------------------ */

static const char *const demo_near_departments[] = {
	"QLDT", "TNMT", "TTPTQD", "DTTDT", "KT", "TCKH", "YT",
};

/*
 * Another unit a duty of unit `from` may be passed to sideways: under the
 * same root, not the root, not `from`, not above it (that would be an
 * escalation) nor below it (the way back would be), not in `avoid` (n of
 * them).  Wards pass to a
 * neighbouring ward or a department on the ground; departments to another
 * department or a ward.
 */
static int
demo_other(struct demo *d, int from, const int *avoid, int n)
{
	int root = d->units[from].root;
	int city = strcmp(demo_units[root].kind, "city") == 0;

	for (int tries = 0; tries < 500; tries++) {
		int u;

		if (city && demo_is_local(from) && demo_chance(d, 50))
			u = demo_unit_index(PICK(d, demo_near_departments));
		else if (city && demo_is_local(from) && demo_chance(d, 70))
			u = from + (demo_chance(d, 50) ? 1 : -1);
		else
			u = demo_rnd(d, 0, DEMO_NUNITS - 1);
		if (u < 0 || u >= DEMO_NUNITS || u == root ||
		    d->units[u].root != root ||
		    demo_above(d, u, from) || demo_above(d, from, u))
			continue;
		for (int k = 0; k < n; k++)
			if (avoid[k] == u)
				u = -1;
		if (u >= 0)
			return u;
	}
	return -1;
}

/* The head of the root of u's tree (the city, the party committee). */
static int
demo_top_head(const struct demo *d, int u)
{
	return d->units[d->units[u].root].head;
}

/* --- a new duty ---------------------------------------------------------- */

/* The directive a duty comes from, as the assigner would cite it. */
static const char *
demo_basis(struct demo *d, int assigner, day_t created)
{
	int u = d->people[assigner].unit, y, m, dd, n = demo_rnd(d, 12, 480);
	char date[11];
	const char *name = demo_units[u].name;

	dates_vn(created - demo_rnd(d, 3, 25), date);
	dates_to_ymd(created, &y, &m, &dd);
	if (strcmp(demo_units[u].code, "TU") == 0) {
		switch (demo_rnd(d, 0, 2)) {
		case 0: return demo_printf(d, "Chỉ thị số %02d-CT/TU ngày %s của Ban Thường vụ Thành ủy", n % 30 + 1, date);
		case 1: return demo_printf(d, "Thông báo số %d-TB/TU ngày %s của Thường trực Thành ủy", n, date);
		default: return "Kết luận số 226-KL/TW của Ban Bí thư về thực hiện “sáu rõ”";
		}
	}
	if (strcmp(demo_units[u].code, "DL") == 0) {
		switch (demo_rnd(d, 0, 5)) {
		case 0: return demo_printf(d, "Kế hoạch số %d/KH-UBND ngày %s của UBND thành phố", n, date);
		case 1: return demo_printf(d, "Thông báo số %d/TB-UBND ngày %s kết luận của Chủ tịch UBND thành phố", n, date);
		case 2: return demo_printf(d, "Công văn số %d/UBND-QLĐT ngày %s của UBND thành phố", n + 1000, date);
		case 3: return demo_printf(d, "Quyết định số %d/QĐ-UBND ngày %s của UBND thành phố", n + 2000, date);
		case 4: return "Công văn số 2763-CV/BNCTU của Ban Nội chính Tỉnh ủy";
		default: return demo_printf(d, "Chỉ thị số %02d-CT/TU ngày %s của Ban Thường vụ Thành ủy", n % 30 + 1, date);
		}
	}
	if (demo_is_local(u)) {
		if (demo_chance(d, 50))
			return demo_printf(d, "Kế hoạch số %d/KH-UBND ngày %s của UBND %s", n % 200 + 1, date, name);
		return demo_printf(d, "Thông báo số %d/TB-UBND ngày %s kết luận giao ban của Chủ tịch UBND %s", n % 200 + 1, date, name);
	}
	if (demo_chance(d, 40))
		return demo_printf(d, "Kế hoạch số 45/KH-UBND ngày %s của UBND thành phố", date);
	return demo_printf(d, "Kế hoạch công tác tháng %d/%d của %s", m, y, name);
}

/*
 * A new duty led by unit `lead`, assigned by `assigner` (-1: the city's or
 * the party committee's head, or the unit's own, at random), of a kind
 * that unit does.  Its days are set by the scenario that follows.
 */
static int
demo_duty(struct demo *d, int lead, int assigner)
{
	int candidates[DEMO_NTASKS], n = 0, i = d->nduties;
	struct demo_duty *dd;
	const struct demo_task *t;
	struct demo_subst sub = { 0 };
	int ward, place;

	if (d->nduties >= DEMO_DUTIES_MAX) {
		d->oom = 1;
		return -1;
	}
	dd = &d->duties[d->nduties++];
	memset(dd, 0, sizeof(*dd));
	for (int k = 0; k < DEMO_NTASKS; k++)
		if (demo_is_local(lead) ? strcmp(demo_tasks[k].lead, "W") == 0 :
		    strcmp(demo_tasks[k].lead, demo_units[lead].code) == 0)
			candidates[n++] = k;
	t = &demo_tasks[n > 0 ? candidates[demo_rnd(d, 0, n - 1)] : 0];
	/* The ward where it happens: the lead itself, or one of the sixteen. */
	if (demo_is_local(lead)) {
		ward = lead;
	} else {
		do
			ward = demo_rnd(d, 1, DEMO_NUNITS - 1);
		while (!demo_is_local(ward));
	}
	place = demo_rnd(d, 0, 3);
	sub.place = demo_printf(d, "%s, %s", demo_units[ward].places[place],
	    demo_units[ward].name);
	sub.unit = demo_units[lead].name;
	sub.ward = demo_units[ward].name;
	sub.project = PICK(d, demo_projects);
	sub.street = PICK(d, demo_streets);
	sub.water = PICK(d, demo_waters);
	dd->title = demo_fill(d, t->title, &sub);
	dd->result = t->result;
	dd->field = t->field;
	if (t->support != NULL) {
		int u = strcmp(t->support, "W") == 0 ? ward : demo_unit_index(t->support);

		if (u >= 0 && u != lead && d->units[u].root == d->units[lead].root) {
			dd->support[0] = u;
			dd->part[0] = t->part;
			dd->nsupport = 1;
		}
	}
	dd->lead = dd->unit = lead;
	dd->owner = dd->holder = demo_member(d, lead, -1);
	if (assigner < 0)
		assigner = demo_chance(d, 65) ? demo_top_head(d, lead) : d->units[lead].head;
	dd->assigner = assigner;
	dd->pending = -1;
	dd->due = dd->deadline = DAY_NONE;
	dd->last_day = DAY_NONE;
	return i;
}

/* Sets the creation day (working days ago) and the deadline, and writes the
 * creation step. */
static void
demo_open(struct demo *d, int i, int a, day_t due)
{
	struct demo_duty *dd = &d->duties[i];
	day_t created = demo_day(d, a);

	if (due < created)
		due = created;
	dd->due = dd->deadline = due;
	dd->basis = demo_basis(d, dd->assigner, created);
	if (demo_chance(d, 30))
		dd->note = demo_printf(d, "Giao %s chủ trì; báo cáo kết quả trước hạn.",
		    demo_units[dd->lead].name);
	p_create(d, i, a);
}

/* --- the scenarios ------------------------------------------------------- */

enum demo_sc {
	SC_HEALTHY, SC_DONE, SC_SUBMITTED, SC_LATE, SC_LATE_EXT, SC_EXT_REFUSED,
	SC_EXT_PENDING, SC_OVERDUE, SC_STALLED, SC_DUE_SOON, SC_BOUNCE_UNIT,
	SC_BOUNCE_OWNER, SC_TOSSED, SC_ESC_ACCEPT, SC_ESC_REJECT, SC_ESC_PENDING,
	SC_ESC_FRESH, SC_UNANSWERED, SC_PROPOSED, SC_TRANSFER_REJECTED,
	SC_RETURN_ACCEPT, SC_RETURN_REJECT, SC_REDIRECT, SC_CANCEL, SC_REOPEN,
	SC__COUNT
};

/* How often each happens among the duties of a unit, out of 100. */
static const int demo_weights[SC__COUNT] = {
	[SC_HEALTHY] = 18, [SC_DONE] = 14, [SC_SUBMITTED] = 3, [SC_LATE] = 5,
	[SC_LATE_EXT] = 3, [SC_EXT_REFUSED] = 3, [SC_EXT_PENDING] = 2,
	[SC_OVERDUE] = 7, [SC_STALLED] = 6, [SC_DUE_SOON] = 6,
	[SC_BOUNCE_UNIT] = 3, [SC_BOUNCE_OWNER] = 2, [SC_TOSSED] = 2,
	[SC_ESC_ACCEPT] = 2, [SC_ESC_REJECT] = 3, [SC_ESC_PENDING] = 2,
	[SC_ESC_FRESH] = 1, [SC_UNANSWERED] = 2, [SC_PROPOSED] = 1,
	[SC_TRANSFER_REJECTED] = 3, [SC_RETURN_ACCEPT] = 2,
	[SC_RETURN_REJECT] = 2, [SC_REDIRECT] = 3, [SC_CANCEL] = 2,
	[SC_REOPEN] = 3,
};

/* Open, moving, recent notes, a deadline well ahead. */
static void
sc_healthy(struct demo *d, int i)
{
	int c = demo_rnd(d, 6, 45), last = demo_recent(d);

	demo_open(d, i, c, demo_far(d));
	p_notes(d, i, c - 1, last + 1, demo_rnd(d, 0, 2));
	if (demo_chance(d, 40))
		p_support_note(d, i, demo_rnd(d, last + 1, c - 1));
	p_note(d, i, last);
}

/* Done before the deadline and confirmed, or (recent) still to confirm. */
static void
sc_done(struct demo *d, int i, int confirm)
{
	int len, c, done;

	if (!confirm) {
		done = demo_rnd(d, 2, 4);
		c = done + demo_rnd(d, 5, 25);
		demo_open(d, i, c, demo_day(d, -demo_rnd(d, 2, 20)));
		p_notes(d, i, c - 1, done + 1, demo_rnd(d, 1, 3));
		p_done(d, i, done);
		return;
	}
	len = demo_rnd(d, 8, 25);
	c = demo_rnd(d, len + 6, DEMO_OLDEST);
	done = c - demo_rnd(d, len / 2, len - 1);
	demo_open(d, i, c, demo_day(d, c - len));
	p_notes(d, i, c - 1, done + 1, demo_rnd(d, 1, 3));
	if (demo_chance(d, 40))
		p_support_note(d, i, demo_rnd(d, done + 1, c - 1));
	p_done(d, i, done);
	p_confirm(d, i, done - demo_rnd(d, 1, 3));
}

/* Submitted after the original deadline: late, confirmed or not yet. */
static void
sc_late(struct demo *d, int i)
{
	int len = demo_rnd(d, 8, 20), c = demo_rnd(d, len + 10, DEMO_OLDEST);
	int due = c - len, done = due - demo_rnd(d, 2, 8), confirm;

	demo_open(d, i, c, demo_day(d, due));
	p_notes(d, i, c - 1, due + 1, demo_rnd(d, 1, 2));
	p_note(d, i, done + 1);
	p_done(d, i, done);
	confirm = done - demo_rnd(d, 1, 3);
	if (confirm >= 2 && demo_chance(d, 75))
		p_confirm(d, i, confirm);
}

/* An extension approved in time, done after the original deadline but
 * before the new one: late all the same (rule 4). */
static void
sc_late_ext(struct demo *d, int i)
{
	int len = demo_rnd(d, 10, 20), c = demo_rnd(d, len + 15, DEMO_OLDEST);
	int due = c - len, ask = due + demo_rnd(d, 1, 3), done = due - demo_rnd(d, 2, 6);
	day_t later = demo_day(d, due - demo_rnd(d, 8, 12));

	demo_open(d, i, c, demo_day(d, due));
	p_notes(d, i, c - 1, ask + 1, demo_rnd(d, 1, 2));
	p_extend(d, i, ask, later);
	p_answer_extension(d, i, ask - 1, 1, later);
	p_note(d, i, done + 1);
	p_done(d, i, done);
	p_confirm(d, i, done - 1);
}

/* An extension refused; then done on the deadline day, or left overdue. */
static void
sc_ext_refused(struct demo *d, int i)
{
	int len = demo_rnd(d, 10, 20), c = demo_rnd(d, len + 8, DEMO_OLDEST);
	int due = c - len, ask = due + demo_rnd(d, 1, 3);

	demo_open(d, i, c, demo_day(d, due));
	p_notes(d, i, c - 1, ask + 1, demo_rnd(d, 0, 2));
	p_extend(d, i, ask, demo_day(d, due - demo_rnd(d, 8, 15)));
	p_answer_extension(d, i, ask - 1, 0, DAY_NONE);
	if (demo_chance(d, 50)) {
		p_done(d, i, due);
		p_confirm(d, i, due - demo_rnd(d, 1, 2));
	} else {
		p_note(d, i, demo_chance(d, 50) ? demo_recent(d) : due - 1);
	}
}

/* An extension waiting for the assigner's answer. */
static void
sc_ext_pending(struct demo *d, int i)
{
	int c = demo_rnd(d, 8, 40), ahead = demo_rnd(d, 4, 15), ask = demo_rnd(d, 2, 4);

	demo_open(d, i, c, demo_day(d, -ahead));
	p_notes(d, i, c - 1, ask + 1, demo_rnd(d, 1, 2));
	p_extend(d, i, ask, demo_day(d, -(ahead + demo_rnd(d, 8, 20))));
}

/* Open past its deadline; some still at work, some silent. */
static void
sc_overdue(struct demo *d, int i)
{
	int len = demo_rnd(d, 8, 30), c = demo_rnd(d, len + 3, DEMO_OLDEST);
	int due = c - len;

	demo_open(d, i, c, demo_day(d, due));
	p_notes(d, i, c - 1, due + 1, demo_rnd(d, 0, 2));
	if (demo_chance(d, 50))
		p_note(d, i, demo_recent(d));
}

/* Open, nothing recorded for weeks. */
static void
sc_stalled(struct demo *d, int i)
{
	int sa = demo_stalled_ago(d), c = demo_rnd(d, sa + 4, 60);
	int last = demo_rnd(d, sa + 1, c - 1);

	demo_open(d, i, c, demo_far(d));
	p_notes(d, i, c - 1, last, demo_rnd(d, 0, 2));
}

/* Open, the deadline within the next few working days. */
static void
sc_due_soon(struct demo *d, int i)
{
	int c = demo_rnd(d, 6, 30);
	int ahead = demo_rnd(d, 1, demo_max(0, demo_min(3, d->s->rules.due_soon_days)));

	demo_open(d, i, c, demo_day(d, -ahead));
	p_notes(d, i, c - 1, demo_recent(d), demo_rnd(d, 1, 3));
}

/* A deadline for a duty that moves around: ahead mostly, past sometimes. */
static day_t
demo_some_due(struct demo *d, int c)
{
	if (demo_chance(d, 70))
		return demo_far(d);
	return demo_day(d, demo_rnd(d, 2, demo_max(2, c / 4)));
}

/* Ping-pong between units: A → B → A, each handoff accepted. */
static void
sc_bounce_unit(struct demo *d, int i, int b)
{
	struct demo_duty *dd = &d->duties[i];
	int c = demo_rnd(d, 25, DEMO_OLDEST), a = c;

	demo_open(d, i, c, demo_some_due(d, c));
	p_transfer(d, i, a -= demo_rnd(d, 1, 4), b);
	p_accept(d, i, a -= demo_rnd(d, 1, 3), -1);
	if (demo_chance(d, 50))
		p_note(d, i, a -= demo_rnd(d, 1, 5));
	p_transfer(d, i, a -= demo_rnd(d, 1, 4), dd->lead);
	p_accept(d, i, a -= demo_rnd(d, 1, 3), dd->owner);
	if (demo_chance(d, 60))
		p_note(d, i, demo_min(a - 1, demo_recent(d)));
}

/* Ping-pong between owners: the head gives it to B, then back to A. */
static void
sc_bounce_owner(struct demo *d, int i)
{
	struct demo_duty *dd = &d->duties[i];
	int c = demo_rnd(d, 20, 70), a = c;

	demo_open(d, i, c, demo_some_due(d, c));
	p_assign(d, i, a -= demo_rnd(d, 2, 5), demo_member(d, dd->unit, dd->owner));
	p_note(d, i, a -= demo_rnd(d, 1, 4));
	p_assign(d, i, a -= demo_rnd(d, 2, 5), dd->owner);
	if (demo_chance(d, 60))
		p_note(d, i, demo_min(a - 1, demo_recent(d)));
}

/*
 * Passed on from unit to unit, each handoff accepted, as many times as it
 * takes to be flagged tossed (3 by default, at most 6); `to` may name the
 * last three stops.
 */
static void
sc_tossed(struct demo *d, int i, const int to[3])
{
	struct demo_duty *dd = &d->duties[i];
	int hops = demo_max(3, demo_min(6, d->s->rules.tossed_handoffs));
	int c = demo_rnd(d, 9 * hops + 4, DEMO_OLDEST), a = c;
	int seen[10] = { dd->lead, to[0], to[1], to[2] }, nseen = 4;

	demo_open(d, i, c, demo_some_due(d, c));
	for (int k = 0; k < hops; k++) {
		int fixed = k - (hops - 3);
		int next = fixed >= 0 && to[fixed] >= 0 ? to[fixed] :
		    demo_other(d, dd->unit, seen, nseen);

		if (next < 0)
			break;
		seen[nseen++] = next;
		p_transfer(d, i, a -= demo_rnd(d, 1, 4), next);
		p_accept(d, i, a -= demo_rnd(d, 1, 3), -1);
		if (demo_chance(d, 40))
			p_note(d, i, a -= demo_rnd(d, 1, 2));
	}
	if (demo_chance(d, 50))
		p_note(d, i, demo_min(a - 1, demo_recent(d)));
}

enum demo_answer { ANSWER_ACCEPT, ANSWER_REJECT, ANSWER_NONE, ANSWER_FRESH };

/* Pushed up to the parent unit, and what the parent said. */
static void
sc_escalate(struct demo *d, int i, enum demo_answer answer)
{
	int c, a = 1;

	switch (answer) {
	case ANSWER_ACCEPT:
	case ANSWER_REJECT:
		c = demo_rnd(d, 15, 70);
		a = c - demo_rnd(d, 2, 8);
		demo_open(d, i, c, demo_some_due(d, c));
		p_notes(d, i, c - 1, a + 1, demo_rnd(d, 0, 1));
		p_escalate(d, i, a);
		if (answer == ANSWER_ACCEPT) {
			p_accept(d, i, a -= demo_rnd(d, 1, 3), -1);
			p_note(d, i, demo_min(a - 1, demo_chance(d, 70) ? demo_recent(d) : a - 3));
			return;
		}
		p_reject(d, i, a -= demo_rnd(d, 1, 4), PICK(d, demo_escalate_rejections));
		if (a > 8 && demo_chance(d, 40)) {
			p_note(d, i, a - 2);
			p_done(d, i, a - 5);
			p_confirm(d, i, demo_max(2, a - 7));
		} else if (demo_chance(d, 60)) {
			p_note(d, i, demo_min(a - 1, demo_recent(d)));
		}
		return;
	case ANSWER_NONE:
		a = demo_rnd(d, demo_unanswered_ago(d), demo_unanswered_ago(d) + 8);
		break;
	case ANSWER_FRESH:
		a = demo_max(1, d->s->rules.unanswered_days - 1);
		break;
	}
	c = a + demo_rnd(d, 2, 30);
	demo_open(d, i, c, demo_some_due(d, c));
	p_notes(d, i, c - 1, a + 1, demo_rnd(d, 0, 2));
	p_escalate(d, i, a);
}

/* A transfer proposed and not answered: long ago (unanswered) or fresh. */
static void
sc_proposed(struct demo *d, int i, int b, int old)
{
	int ua = demo_unanswered_ago(d);
	int a = old ? demo_rnd(d, ua, ua + 10) : demo_max(1, d->s->rules.unanswered_days - 1);
	int c = a + demo_rnd(d, 1, 25);

	demo_open(d, i, c, demo_some_due(d, c));
	p_notes(d, i, c - 1, a + 1, demo_rnd(d, 0, 2));
	p_transfer(d, i, a, b);
}

/* A transfer refused by the receiving head; the owner carries on. */
static void
sc_transfer_rejected(struct demo *d, int i, int b)
{
	int c = demo_rnd(d, 15, 70), a = c;

	demo_open(d, i, c, demo_some_due(d, c));
	p_transfer(d, i, a -= demo_rnd(d, 1, 5), b);
	p_reject(d, i, a -= demo_rnd(d, 1, 4), PICK(d, demo_transfer_rejections));
	if (a > 9 && demo_chance(d, 40)) {
		p_note(d, i, a - 2);
		p_done(d, i, a - 5);
		p_confirm(d, i, a - 7);
	} else {
		p_note(d, i, demo_min(a - 1, demo_recent(d)));
	}
}

/* Sent back to the assigner: taken back and redirected, or refused. */
static void
sc_return(struct demo *d, int i, int accept)
{
	struct demo_duty *dd = &d->duties[i];
	int c = demo_rnd(d, 15, 70), a = c, to;

	demo_open(d, i, c, demo_some_due(d, c));
	p_return(d, i, a -= demo_rnd(d, 1, 5));
	if (!accept) {
		p_reject(d, i, a -= demo_rnd(d, 1, 3), PICK(d, demo_return_rejections));
		p_note(d, i, demo_min(a - 1, demo_recent(d)));
		return;
	}
	p_take_back(d, i, a -= demo_rnd(d, 1, 2));
	to = demo_other(d, dd->lead, &dd->lead, 1);
	if (to < 0)
		return;
	p_redirect(d, i, a -= demo_rnd(d, 1, 3), to);
	p_note(d, i, demo_min(a - 1, demo_recent(d)));
}

/* The assigner moves it to another unit at once. */
static void
sc_redirect(struct demo *d, int i, int to)
{
	int c = demo_rnd(d, 10, 70), a = c - demo_rnd(d, 1, 6);

	demo_open(d, i, c, demo_some_due(d, c));
	if (demo_chance(d, 50))
		p_note(d, i, c - 1);
	p_redirect(d, i, a, to);
	p_note(d, i, demo_min(a - 1, demo_recent(d)));
}

static void
sc_cancel(struct demo *d, int i)
{
	int c = demo_rnd(d, 10, DEMO_OLDEST), a = c - demo_rnd(d, 3, demo_min(c - 2, 20));

	demo_open(d, i, c, demo_some_due(d, c));
	p_notes(d, i, c - 1, a + 1, demo_rnd(d, 0, 2));
	p_cancel(d, i, a);
}

/* Submitted, sent back for more work, submitted again, confirmed. */
static void
sc_reopen(struct demo *d, int i)
{
	int len = demo_rnd(d, 15, 30), c = demo_rnd(d, len + 8, DEMO_OLDEST);
	int done = c - demo_rnd(d, 4, len / 2), a;

	demo_open(d, i, c, demo_day(d, c - len));
	p_notes(d, i, c - 1, done + 1, demo_rnd(d, 1, 2));
	p_done(d, i, done);
	p_reopen(d, i, a = done - demo_rnd(d, 1, 2));
	p_note(d, i, a -= demo_rnd(d, 1, 2));
	p_done(d, i, a -= demo_rnd(d, 1, 3));
	p_confirm(d, i, a - 1);
}

/*
 * One duty of unit `lead` following scenario sc.  assigner -1: chosen (the
 * city's head when the scenario needs an assigner above the unit); t[0..2]:
 * the units it is passed to, -1 for chosen ones.
 */
static void
demo_play(struct demo *d, int lead, enum demo_sc sc, int assigner,
    int t0, int t1, int t2)
{
	int to[3] = { t0, t1, t2 };
	int i, other;

	if (assigner < 0 && (sc == SC_RETURN_ACCEPT || sc == SC_RETURN_REJECT ||
	    sc == SC_REDIRECT))
		assigner = demo_top_head(d, lead);
	if ((i = demo_duty(d, lead, assigner)) < 0)
		return;
	other = to[0] >= 0 ? to[0] : demo_other(d, lead, NULL, 0);
	if (other < 0 && (sc == SC_BOUNCE_UNIT || sc == SC_UNANSWERED ||
	    sc == SC_PROPOSED || sc == SC_TRANSFER_REJECTED || sc == SC_REDIRECT))
		sc = SC_HEALTHY;
	switch (sc) {
	case SC_HEALTHY: sc_healthy(d, i); break;
	case SC_DONE: sc_done(d, i, 1); break;
	case SC_SUBMITTED: sc_done(d, i, 0); break;
	case SC_LATE: sc_late(d, i); break;
	case SC_LATE_EXT: sc_late_ext(d, i); break;
	case SC_EXT_REFUSED: sc_ext_refused(d, i); break;
	case SC_EXT_PENDING: sc_ext_pending(d, i); break;
	case SC_OVERDUE: sc_overdue(d, i); break;
	case SC_STALLED: sc_stalled(d, i); break;
	case SC_DUE_SOON: sc_due_soon(d, i); break;
	case SC_BOUNCE_UNIT: sc_bounce_unit(d, i, other); break;
	case SC_BOUNCE_OWNER: sc_bounce_owner(d, i); break;
	case SC_TOSSED: sc_tossed(d, i, to); break;
	case SC_ESC_ACCEPT: sc_escalate(d, i, ANSWER_ACCEPT); break;
	case SC_ESC_REJECT: sc_escalate(d, i, ANSWER_REJECT); break;
	case SC_ESC_PENDING: sc_escalate(d, i, ANSWER_NONE); break;
	case SC_ESC_FRESH: sc_escalate(d, i, ANSWER_FRESH); break;
	case SC_UNANSWERED: sc_proposed(d, i, other, 1); break;
	case SC_PROPOSED: sc_proposed(d, i, other, 0); break;
	case SC_TRANSFER_REJECTED: sc_transfer_rejected(d, i, other); break;
	case SC_RETURN_ACCEPT: sc_return(d, i, 1); break;
	case SC_RETURN_REJECT: sc_return(d, i, 0); break;
	case SC_REDIRECT: sc_redirect(d, i, other); break;
	case SC_CANCEL: sc_cancel(d, i); break;
	case SC_REOPEN: sc_reopen(d, i); break;
	case SC__COUNT: break;
	}
}

/*
 * Phường 1 is the acting login's own board, so it gets a hand-written
 * list: several duties with every flag, proposals waiting for its answer,
 * an extension and results waiting for it as the assigner.
 */
static void
demo_plan_p1(struct demo *d)
{
	int p1 = demo_unit_index("P1"), p2 = demo_unit_index("P2");
	int p3 = demo_unit_index("P3"), p4 = demo_unit_index("P4");
	int p5 = demo_unit_index("P5"), p6 = demo_unit_index("P6");
	int qldt = demo_unit_index("QLDT"), tnmt = demo_unit_index("TNMT");
	int ttptqd = demo_unit_index("TTPTQD");
	int city = demo_top_head(d, p1), me = d->me;

	demo_play(d, p1, SC_BOUNCE_UNIT, city, p2, -1, -1);
	demo_play(d, p1, SC_BOUNCE_UNIT, me, qldt, -1, -1);
	demo_play(d, p1, SC_BOUNCE_OWNER, me, -1, -1, -1);
	demo_play(d, p1, SC_TOSSED, city, p2, p3, p1);
	demo_play(d, p5, SC_TOSSED, city, qldt, p2, p1);
	demo_play(d, p1, SC_TOSSED, me, tnmt, ttptqd, p1);
	demo_play(d, p1, SC_ESC_REJECT, city, -1, -1, -1);
	demo_play(d, p1, SC_ESC_REJECT, me, -1, -1, -1);
	demo_play(d, p1, SC_ESC_PENDING, city, -1, -1, -1);
	demo_play(d, p1, SC_ESC_PENDING, me, -1, -1, -1);
	demo_play(d, p1, SC_ESC_FRESH, city, -1, -1, -1);
	demo_play(d, p1, SC_ESC_ACCEPT, city, -1, -1, -1);
	demo_play(d, p1, SC_UNANSWERED, city, p3, -1, -1);
	demo_play(d, p1, SC_UNANSWERED, me, tnmt, -1, -1);
	demo_play(d, p2, SC_UNANSWERED, -1, p1, -1, -1);
	demo_play(d, p4, SC_PROPOSED, -1, p1, -1, -1);
	demo_play(d, p2, SC_TRANSFER_REJECTED, -1, p1, -1, -1);
	demo_play(d, p1, SC_TRANSFER_REJECTED, me, p2, -1, -1);
	for (int k = 0; k < 3; k++) {
		demo_play(d, p1, SC_STALLED, k == 0 ? me : city, -1, -1, -1);
		demo_play(d, p1, SC_OVERDUE, k == 0 ? city : me, -1, -1, -1);
		demo_play(d, p1, SC_DUE_SOON, k == 1 ? me : city, -1, -1, -1);
	}
	demo_play(d, p1, SC_LATE, me, -1, -1, -1);
	demo_play(d, p1, SC_LATE, city, -1, -1, -1);
	demo_play(d, p1, SC_LATE_EXT, me, -1, -1, -1);
	demo_play(d, p1, SC_EXT_PENDING, me, -1, -1, -1);
	demo_play(d, p1, SC_EXT_REFUSED, me, -1, -1, -1);
	demo_play(d, p1, SC_SUBMITTED, me, -1, -1, -1);
	demo_play(d, p1, SC_SUBMITTED, me, -1, -1, -1);
	for (int k = 0; k < 5; k++)
		demo_play(d, p1, SC_HEALTHY, k % 2 ? me : city, -1, -1, -1);
	for (int k = 0; k < 4; k++)
		demo_play(d, p1, SC_DONE, k % 2 ? me : city, -1, -1, -1);
	demo_play(d, p6, SC_REDIRECT, city, p1, -1, -1);
	demo_play(d, p1, SC_REDIRECT, city, p2, -1, -1);
	demo_play(d, p1, SC_CANCEL, me, -1, -1, -1);
	demo_play(d, p1, SC_REOPEN, me, -1, -1, -1);
	demo_play(d, p1, SC_RETURN_ACCEPT, city, -1, -1, -1);
	demo_play(d, p1, SC_RETURN_REJECT, city, -1, -1, -1);
}

static enum demo_sc
demo_pick(struct demo *d)
{
	int total = 0, r;

	for (int k = 0; k < SC__COUNT; k++)
		total += demo_weights[k];
	r = demo_rnd(d, 0, total - 1);
	for (int k = 0; k < SC__COUNT; k++) {
		if (r < demo_weights[k])
			return (enum demo_sc)k;
		r -= demo_weights[k];
	}
	return SC_HEALTHY;
}

/* Writes the scripts of every duty. */
static void
demo_plan(struct demo *d)
{
	int p1 = demo_unit_index("P1");

	demo_plan_p1(d);
	for (int u = 0; u < DEMO_NUNITS && !d->oom; u++) {
		int n;

		if (u == p1 || d->units[u].parent < 0)
			continue;
		if (demo_is_local(u))
			n = demo_rnd(d, 10, 13);
		else if (strcmp(demo_units[u].kind, "party") == 0)
			n = demo_rnd(d, 2, 3);
		else
			n = demo_rnd(d, 4, 7);
		for (int k = 0; k < n; k++)
			demo_play(d, u, demo_pick(d), -1, -1, -1, -1);
	}
}

/* --- playing the scripts ------------------------------------------------- */

static int
demo_step_cmp(const void *pa, const void *pb)
{
	const struct demo_step *a = pa, *b = pb;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->sec != b->sec)
		return a->sec < b->sec ? -1 : 1;
	if (a->duty != b->duty)
		return a->duty < b->duty ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/* Makes person p the acting person of the session. */
static enum rv_code
demo_act_as(struct demo *d, int p, struct rv_err *err)
{
	enum rv_code rc;

	if (d->acting == p)
		return RV_OK;
	model_person_free(&d->s->me);
	d->acting = -1;
	rc = store_person_by_login(d->s->st, d->people[p].login, &d->s->me, err);
	if (rc == RV_OK)
		d->acting = p;
	return rc;
}

static enum rv_code
demo_create(struct demo *d, struct demo_duty *dd, struct rv_err *err)
{
	struct duty_new in = { 0 };
	char due[11];

	dates_iso(dd->due, due);
	in.title = dd->title;
	in.lead = demo_units[dd->lead].code;
	in.owner = d->people[dd->owner].login;
	in.due = due;
	in.result = dd->result;
	in.basis = dd->basis;
	in.field = dd->field;
	in.note = dd->note;
	for (int k = 0; k < dd->nsupport; k++) {
		in.support[k].unit = demo_units[dd->support[k]].code;
		in.support[k].part = dd->part[k];
	}
	in.nsupport = (size_t)dd->nsupport;
	/* Some products weigh more or less than the standard one (Decree
	 * 335/2025's conversion coefficient), fixed by the duty's place in the
	 * plan, so that the demo's draws stay as they were. */
	{
		long k = dd - d->duties;

		in.coefficient = k % 7 == 3 ? "2" : k % 5 == 1 ? "1,5" : k % 11 == 4 ? "0,5" : NULL;
	}
	return duty_create(d->s, &in, dd->ref, err);
}

/* P1's head enters the general criteria of P1's officials for every month
 * that has ended since the demo began, on the third of the next month, so
 * that roviec evaluate shows totals and ratings there. */
static enum rv_code
demo_general(struct demo *d, struct rv_err *err)
{
	static const char *const reasons[] = {
		"Chấp hành nghiêm kỷ luật, kỷ cương hành chính; thái độ phục vụ nhân dân tốt",
		"Có tinh thần trách nhiệm, phối hợp tốt với các bộ phận",
		"Còn để người dân phản ánh về thái độ khi tiếp công dân",
		"Chủ động đề xuất giải pháp tháo gỡ vướng mắc trong giải phóng mặt bằng",
	};
	struct session *s = d->s;
	int p1 = demo_unit_index("P1"), y, m, dd, y1, m1;
	day_t today = demo_day(d, 0), first;
	enum rv_code rc = RV_OK;

	dates_to_ymd(demo_day(d, DEMO_OLDEST), &y, &m, &dd);
	dates_to_ymd(today, &y1, &m1, &dd);
	/* The decree scores nothing before 2026. */
	if (y < 2026)
		y = 2026, m = 1;
	if ((rc = demo_act_as(d, d->units[p1].head, err)) != RV_OK)
		return rc;
	for (; rc == RV_OK && (y < y1 || (y == y1 && m < m1)); m = m % 12 + 1, y += m == 1) {
		char period[8], general[16];

		if (dates_from_ymd(m == 12 ? y + 1 : y, m % 12 + 1, 3, &first, err) != RV_OK)
			return RV_STORAGE;
		if (first > today)
			break;
		s->now = demo_moment(first, 8 * 3600);
		session_sync_clock(s);
		snprintf(period, sizeof(period), "%04d-%02d", y, m);
		for (int k = 0; k < d->units[p1].nmembers && rc == RV_OK; k++) {
			int n = (k * 3 + m) % 4;
			struct eval_set in = {
				.login = d->people[d->units[p1].members[k]].login,
				.period = period, .general = general, .reason = reasons[n],
			};

			snprintf(general, sizeof(general), "%d,%d", 24 + n * 3 / 2, n % 2 ? 5 : 0);
			rc = eval_set(s, &in, err);
		}
	}
	return rc;
}

static enum rv_code
demo_do(struct demo *d, const struct demo_step *st, struct rv_err *err)
{
	struct session *s = d->s;
	struct demo_duty *dd = &d->duties[st->duty];
	const char *unit = st->unit >= 0 ? demo_units[st->unit].code : NULL;
	const char *who = st->who >= 0 ? d->people[st->who].login : NULL;
	const char *args[ACTION_SLOTS_MAX] = { NULL, NULL, NULL };
	const struct action *a;
	char date[11], said[1200];
	enum rv_code rc;

	session_hold_clock(s, demo_moment(st->day, st->sec));
	if ((rc = demo_act_as(d, st->actor, err)) != RV_OK)
		return rc;
	if (st->act == ACT_CREATE)
		return demo_create(d, dd, err);
	/* Every other step is an action of action.h, its arguments given by
	 * their slots' names, as the command line and the board give them. */
	if ((a = action_find(demo_act_names[st->act])) == NULL)
		return err_set(err, RV_STORAGE, _("demo: unknown step %d"), (int)st->act);
	dates_iso(st->date, date);
	for (int k = 0; k < a->nslots; k++) {
		const char *name = a->slot[k].name;

		args[k] = strcmp(name, "unit") == 0 ? unit :
		    strcmp(name, "login") == 0 || strcmp(name, "owner") == 0 ? who :
		    strcmp(name, "date") == 0 ? date : st->text;
	}
	return action_run(s, a, dd->ref, args, said, sizeof(said), err);
}

/* Plays every step in time order; the first refusal stops it, named. */
static enum rv_code
demo_run(struct demo *d, struct rv_err *err)
{
	qsort(d->steps, d->nsteps, sizeof(*d->steps), demo_step_cmp);
	for (size_t k = 0; k < d->nsteps; k++) {
		const struct demo_step *st = &d->steps[k];
		const struct demo_duty *dd = &d->duties[st->duty];
		char why[sizeof(err->msg)], day[11];
		enum rv_code rc;

		if ((rc = demo_do(d, st, err)) == RV_OK)
			continue;
		memcpy(why, err->msg, sizeof(why));
		why[sizeof(why) - 1] = '\0';
		dates_iso(st->day, day);
		return err_set(err, rc, _("demo: step %zu (%s %s%s by %s on %s) failed: %s"),
		    k + 1, demo_act_names[st->act],
		    dd->ref[0] != '\0' ? dd->ref : "a duty of ",
		    dd->ref[0] != '\0' ? "" : demo_units[dd->lead].code,
		    d->people[st->actor].login, day, why);
	}
	return RV_OK;
}

static void
demo_free(struct demo *d)
{
	if (d == NULL)
		return;
	while (d->pool != NULL) {
		struct demo_chunk *next = d->pool->next;

		free(d->pool);
		d->pool = next;
	}
	free(d->steps);
	free(d->duties);
	free(d);
}

enum rv_code
demo_build(struct session *s, struct rv_err *err)
{
	struct demo *d;
	struct person via = s->via;
	time_t now = s->now;
	int held = s->clock_held;
	char login[64];
	enum rv_code rc;

	if (s->me.login == NULL || s->me.role != ROLE_ADMIN)
		return err_set(err, RV_REFUSED,
		    _("the demo is built by the administrator who created the database"));
	snprintf(login, sizeof(login), "%s", s->me.login);
	d = calloc(1, sizeof(*d));
	if (d == NULL || (d->duties = calloc(DEMO_DUTIES_MAX, sizeof(*d->duties))) == NULL) {
		free(d);
		return err_set(err, RV_STORAGE, _("out of memory"));
	}
	d->s = s;
	d->rng = DEMO_SEED;
	d->acting = -1;
	memset(&s->via, 0, sizeof(s->via));
	demo_days(d, dates_local_day(now));
	if ((rc = store_begin(s->st, err)) != RV_OK)
		goto out;
	session_hold_clock(s, demo_moment(demo_day(d, DEMO_ORG_DAY), 8 * 3600));
	rc = demo_org(d, err);
	if (rc == RV_OK) {
		demo_plan(d);
		if (d->oom)
			rc = err_set(err, RV_STORAGE, _("out of memory"));
	}
	if (rc == RV_OK)
		rc = demo_run(d, err);
	if (rc == RV_OK)
		rc = demo_general(d, err);
	if (rc == RV_OK)
		rc = store_commit(s->st, err);
	else
		store_rollback(s->st);
out:
	/* The clock as it was: held where it was, or live again. */
	s->now = now;
	s->clock_held = held;
	session_sync_clock(s);
	s->via = via;
	model_person_free(&s->me);
	if (rc == RV_OK) {
		rc = store_person_by_login(s->st, login, &s->me, err);
	} else {
		struct rv_err ignored;

		(void)store_person_by_login(s->st, login, &s->me, &ignored);
	}
	demo_free(d);
	return rc;
}
