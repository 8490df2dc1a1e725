"""The review list printed at the end of an import: one Vietnamese line per decision a person should
confirm, each with the file and line of the YAML it is about ("plans/x.yml:41: ...")."""

from __future__ import annotations


def lines(items, plan: dict, where: dict[tuple, int], name: str) -> list[str]:
    out = []
    for item in items:
        path = item.path
        if item.node is not None:
            path = _path_of_node(plan.get("body", []), item.node, ("body",)) or path
        out.append(f"{name}:{line_of(where, path)}: {item.message}")
    return out


def line_of(where: dict[tuple, int], path: tuple) -> int:
    """The line of `path`, or of the nearest enclosing key that was written."""
    while path and path not in where:
        path = path[:-1]
    return where.get(path, 1)


def _path_of_node(nodes: list[dict], node: dict, path: tuple) -> tuple | None:
    for i, d in enumerate(nodes):
        if d is node:
            return path + (i,)
        found = _path_of_node(d.get("children", []), node, path + (i, "children"))
        if found:
            return found
    return None


def report(result_lines: list[str], written: list[str]) -> str:
    """The whole message: what was written, then the list to review."""
    out = ["Đã tạo (bản nháp, chưa đăng):"] + [f"  {w}" for w in written]
    if result_lines:
        out.append(f"Cần người soát lại ({len(result_lines)} mục; mở tệp ở đúng dòng ghi trước dấu “:”):")
        out += [f"  {line}" for line in result_lines]
    else:
        out.append("Không có mục nào cần soát riêng; vẫn hãy đọc lại bản nháp với văn bản gốc.")
    out.append(
        "Xem trước: make serve (kế hoạch hiện với nhãn BẢN NHÁP). "
        "Soát xong: đổi draft: true thành false, chạy make check."
    )
    return "\n".join(out)
