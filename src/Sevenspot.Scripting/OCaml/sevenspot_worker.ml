(* Sevenspot's OCaml worker: runs the OCaml script parts of a semantic patch on the ocaml toplevel.

   The host writes one program: this file, then a module holding the patch's scripts (initialize
   code at its top level, each script rule and script expression as a function), then a call to
   Sevenspot_worker.serve. The toplevel type-checks the whole module before running any of it, so
   a type error is reported before any C file is read. Requests and answers are JSON, one per line,
   as for the python worker; what a script prints is captured and returned in the answer. *)

module Sevenspot_json = struct
  type t =
    | Null
    | Bool of bool
    | Num of float
    | String of string
    | List of t list
    | Assoc of (string * t) list

  exception Bad of int

  let add_utf8 b cp =
    let byte x = Buffer.add_char b (Char.unsafe_chr x) in
    if cp < 0x80 then byte cp
    else if cp < 0x800 then (byte (0xC0 lor (cp lsr 6)); byte (0x80 lor (cp land 0x3F)))
    else if cp < 0x10000 then begin
      byte (0xE0 lor (cp lsr 12));
      byte (0x80 lor ((cp lsr 6) land 0x3F));
      byte (0x80 lor (cp land 0x3F))
    end else begin
      byte (0xF0 lor (cp lsr 18));
      byte (0x80 lor ((cp lsr 12) land 0x3F));
      byte (0x80 lor ((cp lsr 6) land 0x3F));
      byte (0x80 lor (cp land 0x3F))
    end

  let parse s =
    let n = String.length s in
    let i = ref 0 in
    let peek () = if !i < n then s.[!i] else '\000' in
    let skip () =
      while !i < n && (match s.[!i] with ' ' | '\t' | '\n' | '\r' -> true | _ -> false) do incr i done in
    let expect c = skip (); if peek () <> c then raise (Bad !i); incr i in
    let hex4 () =
      if !i + 4 > n then raise (Bad !i);
      let v = int_of_string ("0x" ^ String.sub s !i 4) in
      i := !i + 4; v in
    let str () =
      expect '"';
      let b = Buffer.create 16 in
      let rec loop () =
        if !i >= n then raise (Bad !i);
        let c = s.[!i] in
        incr i;
        if c = '"' then ()
        else if c = '\\' then begin
          let e = peek () in
          incr i;
          (match e with
           | 'n' -> Buffer.add_char b '\n'
           | 't' -> Buffer.add_char b '\t'
           | 'r' -> Buffer.add_char b '\r'
           | 'b' -> Buffer.add_char b '\b'
           | 'f' -> Buffer.add_char b '\012'
           | 'u' ->
             let cp = hex4 () in
             let cp =
               if cp >= 0xD800 && cp < 0xDC00 && !i + 6 <= n && s.[!i] = '\\' && s.[!i + 1] = 'u' then begin
                 i := !i + 2;
                 let low = hex4 () in
                 0x10000 + ((cp - 0xD800) lsl 10) + (low - 0xDC00)
               end else cp in
             add_utf8 b cp
           | c -> Buffer.add_char b c);
          loop ()
        end else (Buffer.add_char b c; loop ()) in
      loop ();
      Buffer.contents b in
    let rec value () =
      skip ();
      match peek () with
      | '"' -> String (str ())
      | '{' ->
        incr i;
        skip ();
        if peek () = '}' then (incr i; Assoc [])
        else
          let rec fields acc =
            let k = str () in
            expect ':';
            let v = value () in
            skip ();
            if peek () = ',' then (incr i; skip (); fields ((k, v) :: acc))
            else (expect '}'; Assoc (List.rev ((k, v) :: acc))) in
          fields []
      | '[' ->
        incr i;
        skip ();
        if peek () = ']' then (incr i; List [])
        else
          let rec items acc =
            let v = value () in
            skip ();
            if peek () = ',' then (incr i; items (v :: acc))
            else (expect ']'; List (List.rev (v :: acc))) in
          items []
      | 't' -> i := !i + 4; Bool true
      | 'f' -> i := !i + 5; Bool false
      | 'n' -> i := !i + 4; Null
      | _ ->
        let start = !i in
        while !i < n && (match s.[!i] with '0' .. '9' | '-' | '+' | '.' | 'e' | 'E' -> true | _ -> false) do incr i done;
        if !i = start then raise (Bad start);
        Num (float_of_string (String.sub s start (!i - start))) in
    value ()

  let quote s =
    let b = Buffer.create (String.length s + 2) in
    Buffer.add_char b '"';
    String.iter
      (fun c ->
         match c with
         | '"' -> Buffer.add_string b "\\\""
         | '\\' -> Buffer.add_string b "\\\\"
         | '\n' -> Buffer.add_string b "\\n"
         | '\r' -> Buffer.add_string b "\\r"
         | '\t' -> Buffer.add_string b "\\t"
         | c when Char.code c < 0x20 -> Buffer.add_string b (Printf.sprintf "\\u%04x" (Char.code c))
         | c -> Buffer.add_char b c)
      s;
    Buffer.add_char b '"';
    Buffer.contents b

  let rec write b = function
    | Null -> Buffer.add_string b "null"
    | Bool x -> Buffer.add_string b (if x then "true" else "false")
    | Num f -> Buffer.add_string b (if Float.is_integer f then Printf.sprintf "%.0f" f else Printf.sprintf "%.17g" f)
    | String s -> Buffer.add_string b (quote s)
    | List l ->
      Buffer.add_char b '[';
      List.iteri (fun k v -> if k > 0 then Buffer.add_char b ','; write b v) l;
      Buffer.add_char b ']'
    | Assoc l ->
      Buffer.add_char b '{';
      List.iteri (fun k (name, v) -> if k > 0 then Buffer.add_char b ','; Buffer.add_string b (quote name); Buffer.add_char b ':'; write b v) l;
      Buffer.add_char b '}'

  let member name = function Assoc l -> (try List.assoc name l with Not_found -> Null) | _ -> Null
  let to_string = function String s -> s | _ -> ""
  let to_int = function Num f -> int_of_float f | _ -> 0
  let to_list = function List l -> l | _ -> []
  let to_bool = function Bool b -> b | _ -> false
end

(* The library scripts see, written from Coccinelle's documented OCaml scripting API. *)
module Coccilib = struct
  type pos = {
    current_element : string;
    current_element_line : int;
    current_element_col : int;
    current_element_line_end : int;
    current_element_col_end : int;
    file : string;
    line : int;
    col : int;
    line_end : int;
    col_end : int;
  }

  (* A value a script makes for one of its output metavariables (make_ident, make_expr, ...);
     NoVal until it sets one. *)
  type metavar_value =
    | NoVal
    | Ident of string
    | Expr of string
    | Stmt of string
    | Type of string
    | ListLen of int
    | Position of pos

  exception Exit_requested

  let inc_match = ref true
  let exited = ref false
  let include_match b = inc_match := b
  let exit () = exited := true; raise Exit_requested

  let make_ident s = Ident s
  let make_expr s = Expr s
  let make_expr_with_env _env s = Expr s
  let make_stmt s = Stmt s
  let make_stmt_with_env _env s = Stmt s
  let make_type s = Type s
  let make_listlen n = ListLen n

  let make_full_position file fn fl fc fle fce line col line_end col_end =
    Position { current_element = fn; current_element_line = fl; current_element_col = fc;
               current_element_line_end = fle; current_element_col_end = fce;
               file; line; col; line_end; col_end }

  let make_position file fn line col line_end col_end =
    make_full_position file fn 0 0 0 0 line col line_end col_end

  let the_dir = ref ""
  let the_files = ref ([] : string list)
  let dir () = !the_dir
  let files () = !the_files
  let cocci_version () = "1.1.1"

  (* Org mode: findings as org TODO items and links to the code. *)
  let build_link p msg color =
    Printf.sprintf "[[view:%s::face=%s::linb=%d::colb=%d::cole=%d][%s]]" p.file color p.line p.col p.col_end msg

  let safe msg =
    String.concat "" (List.map (function '[' -> "@(" | ']' -> ")" | c -> String.make 1 c) (List.init (String.length msg) (String.get msg)))

  let print_todo ?(color = "ovl-face1") ?(msg = "") p = print_endline ("* TODO " ^ build_link p msg color)
  let print_link ?(color = "ovl-face2") ?(msg = "") p = print_endline (build_link p msg color)
  let print_safe_todo ?(color = "ovl-face1") ?(msg = "") p = print_todo ~color ~msg:(safe msg) p
  let print_safe_link ?(color = "ovl-face2") ?(msg = "") p = print_link ~color ~msg:(safe msg) p

  let print_main ?(color = "ovl-face1") msg ps =
    let p = List.hd ps in
    print_todo ~color ~msg:(Printf.sprintf "%s %s::%d" msg p.file p.line) p

  let print_sec ?(color = "ovl-face2") msg ps = print_link ~color ~msg (List.hd ps)
  let print_secs ?(color = "ovl-face2") msg ps = List.iter (fun p -> print_link ~color ~msg p) ps

  let basename_pos p = { p with file = Filename.basename p.file }
end

module Sevenspot_worker = struct
  module J = Sevenspot_json

  (* Answers go to a copy of the original stdout; fd 1 itself goes to stderr (which the host keeps)
     except while a script runs, when it goes to a scratch file read back as the script's output. *)
  let channel = Unix.out_channel_of_descr (Unix.dup Unix.stdout)
  let () = Unix.dup2 Unix.stderr Unix.stdout

  let scratch =
    let path = Filename.temp_file "sevenspot-ocaml" ".out" in
    let fd = Unix.openfile path [ Unix.O_RDWR; Unix.O_TRUNC ] 0o600 in
    Sys.remove path;
    fd

  let send json =
    let b = Buffer.create 256 in
    J.write b json;
    Buffer.add_char b '\n';
    output_string channel (Buffer.contents b);
    flush channel

  let start_capture () =
    flush stdout;
    Unix.ftruncate scratch 0;
    ignore (Unix.lseek scratch 0 Unix.SEEK_SET);
    Unix.dup2 scratch Unix.stdout

  let stop_capture () =
    flush stdout;
    Unix.dup2 Unix.stderr Unix.stdout;
    let length = Unix.lseek scratch 0 Unix.SEEK_CUR in
    ignore (Unix.lseek scratch 0 Unix.SEEK_SET);
    let bytes = Bytes.create length in
    let rec fill k = if k < length then let r = Unix.read scratch bytes k (length - k) in if r > 0 then fill (k + r) in
    fill 0;
    Bytes.to_string bytes

  (* What the initialize code printed while the scripts' module was evaluated. *)
  let initialize_output = ref ""

  (* The scripts, by the ids the host gave them. *)
  let rules : (int, J.t list -> (string * Coccilib.metavar_value) list) Hashtbl.t = Hashtbl.create 16
  let exprs : (int, J.t list -> string * J.t) Hashtbl.t = Hashtbl.create 16

  (* Variables finalize rules collect from every file's state (x << merge.y), marshalled. *)
  let merge_sources : (string * (unit -> string)) list ref = ref []
  let merged : (string, string list) Hashtbl.t = Hashtbl.create 8

  (* Further runs of the semantic patch a script asked for (iteration#register), in the order asked;
     reported with the answer of the call that asked. *)
  let pending : J.t list ref = ref []

  let add_pending files virtual_rules virtual_identifiers extend =
    let strings l = J.List (List.map (fun s -> J.String s) l) in
    let item =
      J.Assoc [ ("files", (match files with None -> J.Null | Some f -> strings f));
                ("virtuals", strings virtual_rules);
                ("ids", J.List (List.map (fun (k, v) -> J.List [ J.String k; J.String v ]) virtual_identifiers));
                ("extend", J.Bool extend) ] in
    pending := item :: !pending

  let take_pending () =
    let l = List.rev !pending in
    pending := [];
    if l = [] then [] else [ ("pending", J.List l) ]

  let register_merge name f = merge_sources := (name, f) :: !merge_sources
  let merged_values name = try Hashtbl.find merged name with Not_found -> []

  (* Arguments, as the host sends them: {"k":"str","s":...}, {"k":"pos","p":[...]}, {"k":"list","s":...,"e":[...]}. *)
  let arg_string (v : J.t) = J.to_string (J.member "s" v)

  let place (p : J.t) : Coccilib.pos =
    let i name = J.to_int (J.member name p) in
    { Coccilib.current_element = J.to_string (J.member "fn" p);
      current_element_line = i "fl"; current_element_col = i "fc";
      current_element_line_end = i "fle"; current_element_col_end = i "fce";
      file = J.to_string (J.member "file" p);
      line = i "l"; col = i "c"; line_end = i "le"; col_end = i "ce" }

  let arg_positions (v : J.t) = List.map place (J.to_list (J.member "p" v))

  (* The abstract form of a list: its elements, each but the last with the comma that follows it
     (so that two lists are equal as sets only when their last elements agree, as spatch finds). *)
  let arg_list_elements (v : J.t) =
    match J.member "e" v with
    | J.List items ->
      let n = List.length items in
      List.mapi (fun k e -> if k < n - 1 then J.to_string e ^ " ," else J.to_string e) items
    | _ -> [ arg_string v ]

  let hex s = String.concat "" (List.init (String.length s) (fun k -> Printf.sprintf "%02x" (Char.code s.[k])))
  let unhex s = String.init (String.length s / 2) (fun k -> Char.chr (int_of_string ("0x" ^ String.sub s (2 * k) 2)))

  let value_json (v : Coccilib.metavar_value) =
    let text kind s = Some (J.Assoc [ ("k", J.String kind); ("s", J.String s) ]) in
    match v with
    | Coccilib.NoVal -> None
    | Coccilib.Ident s -> text "identifier" s
    | Coccilib.Expr s -> text "expression" s
    | Coccilib.Stmt s -> text "statement" s
    | Coccilib.Type s -> text "type" s
    | Coccilib.ListLen n -> text "identifier" (string_of_int n)
    | Coccilib.Position p ->
      Some (J.Assoc [ ("k", J.String "pos");
                      ("p", J.List [ J.Assoc [ ("file", J.String p.Coccilib.file); ("fn", J.String p.Coccilib.current_element);
                                               ("l", J.Num (float p.Coccilib.line)); ("c", J.Num (float p.Coccilib.col));
                                               ("le", J.Num (float p.Coccilib.line_end)); ("ce", J.Num (float p.Coccilib.col_end)) ] ]) ])

  (* Runs f with its prints captured: the printed text, and the answer's own fields. *)
  let captured f =
    Coccilib.inc_match := true;
    pending := [];
    start_capture ();
    let result =
      try `Done (f ()) with
      | Coccilib.Exit_requested -> `Exit
      | e -> `Failed (Printexc.to_string e) in
    let out = stop_capture () in
    (out, result)

  let run request =
    let id = J.to_int (J.member "id" request) in
    let args = J.to_list (J.member "args" request) in
    let out, result = captured (fun () -> (Hashtbl.find rules id) args) in
    let common = [ ("out", J.String out); ("include", J.Bool !Coccilib.inc_match) ] @ take_pending () in
    match result with
    | `Done outputs ->
      let values = List.filter_map (fun (name, v) -> Option.map (fun j -> (name, j)) (value_json v)) outputs in
      send (J.Assoc (common @ [ ("exit", J.Bool false); ("outputs", J.Assoc values) ]))
    | `Exit -> send (J.Assoc (common @ [ ("exit", J.Bool true); ("outputs", J.Assoc []) ]))
    | `Failed message -> send (J.Assoc (common @ [ ("exit", J.Bool false); ("error", J.String message) ]))

  let eval request =
    let id = J.to_int (J.member "id" request) in
    let args = J.to_list (J.member "args" request) in
    let out, result = captured (fun () -> (Hashtbl.find exprs id) args) in
    match result with
    | `Done value -> send (J.Assoc [ ("out", J.String out); ("exit", J.Bool false); value ])
    | `Exit -> send (J.Assoc [ ("out", J.String out); ("exit", J.Bool true) ])
    | `Failed message -> send (J.Assoc [ ("out", J.String out); ("exit", J.Bool false); ("error", J.String message) ])

  let kept names =
    J.Assoc
      (List.filter_map
         (fun n ->
            match List.assoc_opt n !merge_sources with
            | Some f -> (try Some (n, J.String (hex (f ()))) with _ -> None)
            | None -> None)
         names)

  let forking = ref false

  (* With "fork", every file starts from the state the initialize rules left: in a child forked at
     "begin", or, when the program registered the state its per-file scripts can change (see
     OCamlFileState on the host), in the worker itself, that state put back at "end". Each item is
     called at "load", after the initialize code ran: it saves its value and gives what puts it back,
     or None when the value holds what could not be put back (a child per file then). *)
  let put_back : (unit -> (unit -> unit) option) list option ref = ref None
  let restorers : (unit -> unit) list option ref = ref None

  let keep_ref (r : 'a ref) () =
    let v = !r in
    let o = Obj.repr v in
    (* An int, a constant constructor, a string or a float: nothing in it a file could change. *)
    if Obj.is_int o || Obj.tag o = Obj.string_tag || Obj.tag o = Obj.double_tag then Some (fun () -> r := v) else None

  let keep_table (t : ('a, 'b) Hashtbl.t) () =
    (* Empty: nothing a file finds in it outlives the file. Put back field by field from a copy of
       the saved table, so that its buckets (and the order it iterates in) are as initialize left them. *)
    let saved = Hashtbl.copy t in
    let live = Obj.repr t in
    if Hashtbl.length t <> 0 || Obj.size (Obj.repr saved) <> Obj.size live then None
    else
      Some (fun () ->
          let fresh = Obj.repr (Hashtbl.copy saved) in
          for k = 0 to Obj.size live - 1 do Obj.set_field live k (Obj.field fresh k) done)

  let restorers_at_load () =
    match !put_back with
    | None -> None
    | Some items ->
      let saved = List.map (fun item -> item ()) items in
      if List.for_all Option.is_some saved then Some (List.filter_map (fun x -> x) saved) else None

  let serve () =
    let rec loop () =
      match input_line stdin with
      | exception End_of_file -> ()
      | line ->
        let request = J.parse line in
        let continue_ =
          match J.to_string (J.member "op" request) with
          | "quit" -> false
          | "load" ->
            forking := J.to_bool (J.member "fork" request);
            if !forking then restorers := restorers_at_load ();
            send (J.Assoc [ ("ok", J.Bool true); ("out", J.String !initialize_output) ]);
            true
          | "run" -> run request; true
          | "eval" -> eval request; true
          | "begin" ->
            if !forking && Option.is_none !restorers then begin
              flush stderr;
              match Unix.fork () with
              | 0 -> send (J.Assoc [ ("ok", J.Bool true) ])
              | pid -> ignore (Unix.waitpid [] pid)
            end else send (J.Assoc [ ("ok", J.Bool true) ]);
            true
          | "end" ->
            let names = List.map J.to_string (J.to_list (J.member "merge" request)) in
            (* The state a file leaves ends with it (put back, or with the child): it hands over what finalize merges. *)
            (match !restorers with
             | Some restore when !forking ->
               send (J.Assoc [ ("ok", J.Bool true); ("kept", kept names) ]);
               List.iter (fun r -> r ()) restore
             | _ when !forking ->
               send (J.Assoc [ ("ok", J.Bool true); ("kept", kept names) ]);
               flush stderr;
               Unix._exit 0
             | _ -> send (J.Assoc [ ("ok", J.Bool true) ]));
            true
          | "state" ->
            let names = List.map J.to_string (J.to_list (J.member "merge" request)) in
            send (J.Assoc [ ("ok", J.Bool true); ("kept", kept names) ]);
            true
          | "merged" ->
            (match J.member "merged" request with
             | J.Assoc l -> List.iter (fun (name, v) -> Hashtbl.replace merged name (List.map (fun s -> unhex (J.to_string s)) (J.to_list v))) l
             | _ -> ());
            send (J.Assoc [ ("ok", J.Bool true) ]);
            true
          | op -> send (J.Assoc [ ("error", J.String ("unknown request " ^ op)) ]); true in
        if continue_ then loop () in
    loop ()
end

let () = Sevenspot_worker.start_capture ()
