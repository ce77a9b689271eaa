/* columns: the columns of roviec's CSV files, named once (see columns.h). */
#include "roviec/columns.h"

#include <assert.h>
#include <string.h>

#include "roviec/i18n.h"

/* Headings are as officials write them in a report's table: whole words,
 * capitalised, each unique within the file it heads. */
static const struct column columns[COL__MAX] = {
	[COL_UUID] = { "uuid", "UUID", "Mã UUID", COLUMN_TEXT },
	[COL_REF] = { "ref", "Reference", "Mã nhiệm vụ", COLUMN_TEXT },
	[COL_TITLE] = { "title", "Duty", "Nội dung nhiệm vụ", COLUMN_TEXT },
	[COL_LEAD] = { "lead", "Lead unit", "Đơn vị chủ trì", COLUMN_TEXT },
	[COL_OWNER] = { "owner", "Owner", "Người chịu trách nhiệm", COLUMN_TEXT },
	[COL_DEADLINE] = { "deadline", "Deadline", "Hạn xử lý", COLUMN_DAY },
	[COL_RESULT] = { "result", "Expected result", "Kết quả cần đạt", COLUMN_TEXT },
	[COL_BASIS] = { "basis", "Basis", "Căn cứ", COLUMN_TEXT },
	[COL_ASSIGNER] = { "assigner", "Assigned by", "Người giao", COLUMN_TEXT },
	[COL_SUPPORT] = { "support", "Supporting units", "Đơn vị phối hợp", COLUMN_TEXT },
	[COL_FIELD] = { "field", "Field", "Lĩnh vực", COLUMN_TEXT },
	[COL_CREATED] = { "created", "Assigned at", "Thời điểm giao", COLUMN_MOMENT },
	[COL_ORIGINAL] = { "original_deadline", "Original deadline", "Hạn ban đầu",
	    COLUMN_DAY },
	[COL_STATUS] = { "status", "Status", "Trạng thái", COLUMN_TEXT },
	[COL_DONE_ON] = { "done_on", "Done on", "Ngày hoàn thành", COLUMN_DAY },
	[COL_CLOSED_ON] = { "closed_on", "Closed on", "Ngày kết thúc", COLUMN_DAY },
	[COL_LAST_PROGRESS] = { "last_progress_on", "Last progress on",
	    "Ngày báo tiến độ gần nhất", COLUMN_DAY },
	[COL_HANDOFFS] = { "handoffs", "Handoffs", "Số lần chuyển", COLUMN_NUMBER },
	[COL_BOUNCED] = { "bounced", "Bounced", "Bị đẩy qua lại", COLUMN_NUMBER },
	[COL_ESCALATED] = { "escalated", "Escalated", "Bị đẩy lên cấp trên", COLUMN_NUMBER },
	[COL_DELIVERED] = { "delivered", "Deliveries", "Giao nộp phần phối hợp",
	    COLUMN_DELIVERED },
	/* Decree 335/2025's conversion coefficient (issue #13). */
	[COL_COEFFICIENT] = { "coefficient", "Coefficient", "Hệ số quy đổi", COLUMN_DECIMAL },
	[COL_NOTE] = { "note", "Note", "Ghi chú", COLUMN_TEXT },

	[COL_LEAD_UNIT] = { "lead_unit", "Lead unit", "Đơn vị chủ trì", COLUMN_TEXT },
	[COL_FLAGS] = { "flags", "Flags", "Cảnh báo", COLUMN_TEXT },

	[COL_UNIT] = { "unit", "Unit", "Đơn vị", COLUMN_TEXT },
	[COL_LOGIN] = { "login", "Login", "Tên đăng nhập", COLUMN_TEXT },
	[COL_NAME] = { "name", "Name", "Tên", COLUMN_TEXT },
	[COL_PERSON_UNIT] = { "person_unit", "Person's unit", "Đơn vị của cán bộ",
	    COLUMN_TEXT },
	[COL_ASSIGNED] = { "assigned", "Assigned", "Được giao", COLUMN_NUMBER },
	[COL_ON_TIME] = { "on_time", "Done on time", "Hoàn thành đúng hạn", COLUMN_NUMBER },
	[COL_LATE] = { "late", "Done late", "Hoàn thành trễ hạn", COLUMN_NUMBER },
	[COL_OPEN_IN_TIME] = { "open_in_time", "Open, within the deadline",
	    "Đang thực hiện, trong hạn", COLUMN_NUMBER },
	[COL_OPEN_OVERDUE] = { "open_overdue", "Open, overdue",
	    "Đang thực hiện, quá hạn", COLUMN_NUMBER },
	[COL_RATE] = { "on_time_rate", "On-time rate (%)", "Tỷ lệ đúng hạn (%)",
	    COLUMN_DECIMAL },
	[COL_TOSSED] = { "tossed", "Tossed", "Bị chuyển nhiều lần", COLUMN_NUMBER },
	[COL_STALLED] = { "stalled", "Stalled", "Cầm chừng", COLUMN_NUMBER },
	[COL_EXTENSIONS] = { "extensions", "Extensions", "Gia hạn", COLUMN_NUMBER },
	[COL_DAYS_ADDED] = { "days_added", "Days added", "Số ngày gia hạn", COLUMN_NUMBER },
	[COL_RETURNS] = { "returns", "Returns", "Trả lại", COLUMN_NUMBER },
	[COL_SUPPORT_PARTS] = { "support_parts", "Parts as supporting unit",
	    "Phần việc phối hợp", COLUMN_NUMBER },
	[COL_SUPPORT_DELIVERED] = { "support_delivered", "Parts delivered",
	    "Phần việc đã giao nộp", COLUMN_NUMBER },
	[COL_SUPPORT_IN_TIME] = { "support_delivered_in_time", "Delivered in time",
	    "Giao nộp kịp hạn", COLUMN_NUMBER },
	[COL_SUPPORT_OWED] = { "support_owed_overdue", "Owed, overdue",
	    "Còn nợ, quá hạn", COLUMN_NUMBER },
	[COL_SUPPORT_AVG] = { "support_avg_days", "Average days to deliver",
	    "Số ngày giao nộp trung bình", COLUMN_DECIMAL },
	[COL_FROM] = { "from", "From", "Từ ngày", COLUMN_DAY },
	[COL_TO] = { "to", "To", "Đến ngày", COLUMN_DAY },
	[COL_AS_OF] = { "as_of", "States on", "Số liệu tính đến ngày", COLUMN_DAY },
	[COL_HISTORY_HEAD] = { "history_head", "History head", "Mã đầu lịch sử",
	    COLUMN_TEXT },

	[COL_CODE] = { "code", "Code", "Mã đơn vị", COLUMN_TEXT },
	[COL_KIND] = { "kind", "Kind", "Loại đơn vị", COLUMN_TEXT },
	[COL_PARENT] = { "parent", "Parent unit", "Đơn vị cấp trên", COLUMN_TEXT },
	[COL_HEAD] = { "head", "Head", "Người đứng đầu", COLUMN_TEXT },
	[COL_PEOPLE] = { "people", "People", "Số cán bộ", COLUMN_NUMBER },
	[COL_OPEN] = { "open", "Open duties", "Nhiệm vụ đang mở", COLUMN_NUMBER },
	[COL_ROLE] = { "role", "Role", "Vai trò", COLUMN_TEXT },
	/* issue 14: every head of a unit, the first named first */
	[COL_HEADS] = { "heads", "Heads", "Người đứng đầu", COLUMN_TEXT },

	/* The sheets of Decree 335/2025 (issue #13), in the decree's words:
	 * the shares a, b, c of Article 14, d, đ, e of Article 15. */
	[COL_PERIOD] = { "period", "Period", "Kỳ đánh giá", COLUMN_TEXT },
	[COL_ASSIGNED_C] = { "assigned_converted", "Assigned, converted",
	    "Được giao (quy đổi)", COLUMN_DECIMAL },
	[COL_DONE] = { "done", "Completed", "Đã hoàn thành", COLUMN_NUMBER },
	[COL_DONE_C] = { "done_converted", "Completed, converted",
	    "Đã hoàn thành (quy đổi)", COLUMN_DECIMAL },
	[COL_SENT_BACK] = { "sent_back", "Sent back", "Bị trả lại để làm lại",
	    COLUMN_NUMBER },
	[COL_QUANTITY] = { "quantity", "a Quantity (%)", "a Tỷ lệ số lượng (%)",
	    COLUMN_DECIMAL },
	[COL_QUALITY] = { "quality", "b Quality (%)", "b Tỷ lệ chất lượng (%)",
	    COLUMN_DECIMAL },
	[COL_PROGRESS] = { "progress", "c Progress (%)", "c Tỷ lệ tiến độ (%)",
	    COLUMN_DECIMAL },
	[COL_UNIT_RESULTS] = { "unit_results", "d Unit's results (%)",
	    "d Kết quả của cơ quan, đơn vị (%)", COLUMN_NUMBER },
	[COL_ORGANISING] = { "organising", "đ Organising the work (%)",
	    "đ Tổ chức thực hiện nhiệm vụ (%)", COLUMN_NUMBER },
	[COL_COHESION] = { "cohesion", "e Cohesion (%)", "e Tập hợp, đoàn kết (%)",
	    COLUMN_NUMBER },
	[COL_TASK_POINTS] = { "task_points", "Task results (of 70)",
	    "Điểm kết quả thực hiện nhiệm vụ (70)", COLUMN_DECIMAL },
	[COL_GENERAL] = { "general", "General criteria (of 30)",
	    "Điểm tiêu chí chung (30)", COLUMN_DECIMAL },
	[COL_TOTAL] = { "total", "Total", "Tổng điểm", COLUMN_DECIMAL },
	[COL_RATING] = { "rating", "Rating", "Xếp loại", COLUMN_TEXT },
	[COL_PERIODS] = { "periods", "Periods scored", "Số kỳ có điểm", COLUMN_NUMBER },
	[COL_DEDUCTIONS] = { "deductions", "Deductions", "Các lần bị trừ điểm",
	    COLUMN_TEXT },
	[COL_NOT_DONE] = { "not_done", "Not completed", "Chưa hoàn thành", COLUMN_TEXT },
	[COL_UNIT_EXCELLENT] = { "unit_excellent", "Unit: rated excellent",
	    "Đơn vị: số hoàn thành xuất sắc", COLUMN_NUMBER },
	[COL_UNIT_GOOD] = { "unit_good", "Unit: rated good",
	    "Đơn vị: số hoàn thành tốt", COLUMN_NUMBER },
	[COL_UNIT_ALLOWED] = { "unit_excellent_allowed", "Unit: excellent allowed",
	    "Đơn vị: số xuất sắc tối đa", COLUMN_NUMBER },
	/* issue #12: the day a person left (moved away, retired) */
	[COL_LEFT] = { "left", "Left on", "Ngày thôi công tác", COLUMN_DAY },
	/* issue #11: where the digest mails a person */
	[COL_MAIL] = { "mail", "Mail address", "Địa chỉ thư điện tử", COLUMN_TEXT },
};

const struct column *
column_get(enum column_id id)
{
	assert(id >= 0 && id < COL__MAX && columns[id].name != NULL);
	return &columns[id];
}

const struct column *
column_by_name(const char *name)
{
	for (int i = 0; i < COL__MAX; i++)
		if (strcmp(columns[i].name, name) == 0)
			return &columns[i];
	return NULL;
}

const char *
column_heading(const struct column *c)
{
	return i18n_vi() ? c->vi : c->en;
}
